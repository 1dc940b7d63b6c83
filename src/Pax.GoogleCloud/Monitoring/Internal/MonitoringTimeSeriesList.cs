namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary><c>ListTimeSeriesResponse</c>: <c>timeSeries</c>, <c>nextPageToken</c> (absent on the last page), <c>executionErrors</c>.</summary>
internal sealed class MonitoringTimeSeriesList
{
    public List<MonitoringTimeSeriesResource>? TimeSeries { get; set; }

    public string? NextPageToken { get; set; }
}
