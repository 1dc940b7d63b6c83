namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>A <c>TypedValue</c>: <c>int64Value</c> (int64 in JSON is a string) or <c>doubleValue</c>.</summary>
internal sealed class MonitoringTypedValueResource
{
    public string? Int64Value { get; set; }

    public double? DoubleValue { get; set; }
}
