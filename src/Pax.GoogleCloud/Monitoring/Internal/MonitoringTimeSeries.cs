namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>One time series as read: the labels it is grouped by and its points, most recent first (as Monitoring returns them).</summary>
/// <param name="MetricLabels">The metric's labels (<c>metric.labels</c>) the series kept.</param>
/// <param name="ResourceLabels">The monitored resource's labels (<c>resource.labels</c>) the series kept.</param>
/// <param name="Points">The points, most recent first.</param>
internal sealed record MonitoringTimeSeries(IReadOnlyDictionary<string, string> MetricLabels, IReadOnlyDictionary<string, string> ResourceLabels, IReadOnlyList<MonitoringPoint> Points);
