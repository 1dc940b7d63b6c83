namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>One aligned point of an INT64 (or DOUBLE, rounded) time series.</summary>
/// <param name="End">The end of the point's interval.</param>
/// <param name="Value">The value.</param>
internal sealed record MonitoringPoint(DateTimeOffset End, long Value);
