namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>A <c>Point</c>: <c>interval</c> (<c>startTime</c>, <c>endTime</c>) and a <c>TypedValue</c> (<c>int64Value</c> is a JSON string, <c>doubleValue</c> a number).</summary>
internal sealed class MonitoringPointResource
{
    public MonitoringIntervalResource? Interval { get; set; }

    public MonitoringTypedValueResource? Value { get; set; }
}
