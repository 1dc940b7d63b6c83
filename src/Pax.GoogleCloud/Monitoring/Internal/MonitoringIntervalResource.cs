namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>A <c>TimeInterval</c>: <c>startTime</c> and <c>endTime</c> (RFC 3339).</summary>
internal sealed class MonitoringIntervalResource
{
    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }
}
