namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>A <c>Metric</c> or a <c>MonitoredResource</c> of a time series: its <c>type</c> and <c>labels</c>.</summary>
internal sealed class MonitoringLabeledTypeResource
{
    public string? Type { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}
