namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>
/// A <c>TimeSeries</c> (cloud.google.com/monitoring/api/ref_v3/rest/v3/TimeSeries): <c>metric</c> and <c>resource</c>
/// (type, labels; after a reduction only the grouped labels remain) and <c>points</c>, most recent first.
/// </summary>
internal sealed class MonitoringTimeSeriesResource
{
    public MonitoringLabeledTypeResource? Metric { get; set; }

    public MonitoringLabeledTypeResource? Resource { get; set; }

    public List<MonitoringPointResource>? Points { get; set; }
}
