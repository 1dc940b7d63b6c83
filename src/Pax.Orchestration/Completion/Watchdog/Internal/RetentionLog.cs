using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>The watchdog's retention events (4062–4063).</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 4062, EventName = "RetentionApplied", Level = LogLevel.Information, Message = "Retention deleted {PhasePulse} phase pulse buckets, {SchedulerPulse} scheduler pulse buckets and {Rejected} rejected deliveries (-1: not kept here, or the step failed)")]
    public static partial void Applied(ILogger logger, int phasePulse, int schedulerPulse, int rejected);

    [LoggerMessage(EventId = 4063, EventName = "RetentionFailed", Level = LogLevel.Warning, Message = "Retention could not delete {What} older than {Before:O}; the next watchdog run tries again")]
    public static partial void Failed(ILogger logger, Exception exception, string what, DateTimeOffset before);
}
