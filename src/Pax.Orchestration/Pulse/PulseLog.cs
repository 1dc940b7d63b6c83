using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Pulse;

/// <summary>The pulse's log events (4060).</summary>
internal static partial class PulseLog
{
    [LoggerMessage(EventId = 4060, EventName = "PulseWriteFailed", Level = LogLevel.Warning, Message = "The {Pulse} pulse could not store {Count} counts of {Buckets} hourly buckets; the reports and runs they counted are recorded, only the dashboard's pulse misses them")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string pulse, long count, int buckets);
}
