using Microsoft.Extensions.Logging;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// The completion wing's log events (stable ids 4001–4099; the inbound token check's are <see cref="Pax.Orchestration.Hosting.Internal.InboundLog"/>). Events whose values can come from outside (run keys, processors,
/// message ids, rejection reasons) are logged through wrappers that escape them with <see cref="LogText"/>, so a value
/// cannot break a log line or forge one.
/// </summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(EventId = 4001, EventName = "Recorded", Level = LogLevel.Information, Message = "Recorded {Status} from {Processor} for {Phase}/{RunKey} (message {MessageId})")]
    private static partial void LogRecorded(ILogger logger, string phase, string runKey, string processor, string status, string? messageId);

    public static void Recorded(ILogger logger, string phase, string runKey, string processor, string status, string? messageId) =>
        LogRecorded(logger, LogText.Escape(phase), LogText.Escape(runKey), LogText.Escape(processor), LogText.Escape(status), LogText.Escape(messageId));

    [LoggerMessage(EventId = 4002, EventName = "Duplicate", Level = LogLevel.Debug, Message = "Duplicate report from {Processor} for {Phase}/{RunKey} (message {MessageId})")]
    private static partial void LogDuplicate(ILogger logger, string phase, string runKey, string processor, string? messageId);

    public static void Duplicate(ILogger logger, string phase, string runKey, string processor, string? messageId) =>
        LogDuplicate(logger, LogText.Escape(phase), LogText.Escape(runKey), LogText.Escape(processor), LogText.Escape(messageId));

    [LoggerMessage(EventId = 4003, EventName = "Rejected", Level = LogLevel.Warning, Message = "Rejected delivery {MessageId} ({RejectionReason}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string? messageId, string rejectionReason, string reason);

    public static void Rejected(ILogger logger, string? messageId, string rejectionReason, string reason) =>
        LogRejected(logger, LogText.Escape(messageId), rejectionReason, LogText.Escape(reason));

    [LoggerMessage(EventId = 4004, EventName = "Claimed", Level = LogLevel.Information, Message = "Claimed {Phase}/{RunKey} until {LeaseUntil:O}")]
    private static partial void LogClaimed(ILogger logger, string phase, string runKey, DateTimeOffset leaseUntil);

    public static void Claimed(ILogger logger, string phase, string runKey, DateTimeOffset leaseUntil) =>
        LogClaimed(logger, LogText.Escape(phase), LogText.Escape(runKey), leaseUntil);

    [LoggerMessage(EventId = 4005, EventName = "Triggered", Level = LogLevel.Information, Message = "Triggered the phase after {Phase} for {RunKey} (idempotency key {IdempotencyKey})")]
    private static partial void LogTriggered(ILogger logger, string phase, string runKey, string idempotencyKey);

    public static void Triggered(ILogger logger, string phase, string runKey, string idempotencyKey) =>
        LogTriggered(logger, LogText.Escape(phase), LogText.Escape(runKey), LogText.Escape(idempotencyKey));

    [LoggerMessage(EventId = 4006, EventName = "TriggerFailed", Level = LogLevel.Error, Message = "Trigger after {Phase} for {RunKey} failed: {TriggerError}; the claim stays and is re-driven after its lease")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string phase, string runKey, string triggerError);

    public static void TriggerFailed(ILogger logger, Exception exception, string phase, string runKey, string triggerError) =>
        LogTriggerFailed(logger, exception, LogText.Escape(phase), LogText.Escape(runKey), LogText.Escape(triggerError));

    [LoggerMessage(EventId = 4017, EventName = "TriggerFailureNotKept", Level = LogLevel.Warning, Message = "The failed trigger of {Phase}/{RunKey} could not be kept with the tally (the store failed); the log line above is the only record of it")]
    private static partial void LogTriggerFailureNotKept(ILogger logger, Exception exception, string phase, string runKey);

    public static void TriggerFailureNotKept(ILogger logger, Exception exception, string phase, string runKey) =>
        LogTriggerFailureNotKept(logger, exception, LogText.Escape(phase), LogText.Escape(runKey));

    [LoggerMessage(EventId = 4018, EventName = "TriggerKeepsFailing", Level = LogLevel.Error, Message = "The trigger after {Phase} for {RunKey} keeps failing: {Attempts} failed attempt(s), the last at {FailedAt:O}: {TriggerError}")]
    private static partial void LogTriggerKeepsFailing(ILogger logger, string phase, string runKey, int attempts, DateTimeOffset failedAt, string triggerError);

    public static void TriggerKeepsFailing(ILogger logger, string phase, string runKey, TriggerError error) =>
        LogTriggerKeepsFailing(logger, LogText.Escape(phase), LogText.Escape(runKey), error.Attempts, error.At, LogText.Escape(error.Message));

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Completion store or token check unavailable; answering 503 so Pub/Sub redelivers")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4008, EventName = "Unauthenticated", Level = LogLevel.Warning, Message = "Push delivery not authenticated ({Mode}): {Reason}")]
    private static partial void LogUnauthenticated(ILogger logger, string mode, string reason);

    public static void Unauthenticated(ILogger logger, string mode, string reason) =>
        LogUnauthenticated(logger, LogText.Escape(mode), LogText.Escape(reason));

    [LoggerMessage(EventId = 4009, EventName = "Overdue", Level = LogLevel.Error, Message = "Tally {Phase}/{RunKey} is overdue since {DeadlineAt:O}: missing [{Missing}] ({MissingCount} more success(es) needed), failed [{Failed}]")]
    private static partial void LogOverdue(ILogger logger, string phase, string runKey, DateTimeOffset deadlineAt, string missing, int missingCount, string failed);

    public static void Overdue(ILogger logger, string phase, string runKey, DateTimeOffset deadlineAt, string missing, int missingCount, string failed) =>
        LogOverdue(logger, LogText.Escape(phase), LogText.Escape(runKey), deadlineAt, LogText.Escape(missing), missingCount, LogText.Escape(failed));

    [LoggerMessage(EventId = 4013, EventName = "AckDeadlineExceeded", Level = LogLevel.Warning, Message = "Delivery not handled within the ack deadline ({AckDeadline}); answering 503 so Pub/Sub redelivers it")]
    public static partial void AckDeadlineExceeded(ILogger logger, Exception exception, TimeSpan ackDeadline);

    [LoggerMessage(EventId = 4014, EventName = "OperatorUnauthenticated", Level = LogLevel.Warning, Message = "{Endpoint} request not authenticated ({Mode}): {Reason}")]
    private static partial void LogOperatorUnauthenticated(ILogger logger, string endpoint, string mode, string reason);

    public static void OperatorUnauthenticated(ILogger logger, string endpoint, string mode, string reason) =>
        LogOperatorUnauthenticated(logger, endpoint, mode, LogText.Escape(reason));

    [LoggerMessage(EventId = 4016, EventName = "InProcessDeliveryFailed", Level = LogLevel.Error, Message = "In-process delivery {MessageId} failed (completion store unavailable); nothing was recorded and the publisher gets the error, so it publishes again")]
    private static partial void LogInProcessDeliveryFailed(ILogger logger, Exception exception, string messageId);

    public static void InProcessDeliveryFailed(ILogger logger, Exception exception, string messageId) =>
        LogInProcessDeliveryFailed(logger, exception, LogText.Escape(messageId)!);

    [LoggerMessage(EventId = 4012, EventName = "NoReport", Level = LogLevel.Error, Message = "No processor reported for {Phase}/{RunKey}, expected at {ExpectedAt:O}; overdue since {DeadlineAt:O}: missing [{Missing}] ({MissingCount} success(es) needed)")]
    private static partial void LogNoReport(ILogger logger, string phase, string runKey, DateTimeOffset expectedAt, DateTimeOffset deadlineAt, string missing, int missingCount);

    public static void NoReport(ILogger logger, string phase, string runKey, DateTimeOffset expectedAt, DateTimeOffset deadlineAt, string missing, int missingCount) =>
        LogNoReport(logger, LogText.Escape(phase), LogText.Escape(runKey), expectedAt, deadlineAt, LogText.Escape(missing), missingCount);

    [LoggerMessage(EventId = 4010, EventName = "Redriving", Level = LogLevel.Warning, Message = "Watchdog re-drives {Phase}/{RunKey} (state {State})")]
    private static partial void LogRedriving(ILogger logger, string phase, string runKey, string state);

    public static void Redriving(ILogger logger, string phase, string runKey, string state) =>
        LogRedriving(logger, LogText.Escape(phase), LogText.Escape(runKey), LogText.Escape(state));

    [LoggerMessage(EventId = 4011, EventName = "MarkTriggeredFailed", Level = LogLevel.Warning, Message = "The trigger after {Phase}/{RunKey} fired but the tally could not be marked triggered; it is re-driven after the lease, which fires it again (receivers deduplicate on the idempotency key)")]
    private static partial void LogMarkTriggeredFailed(ILogger logger, Exception exception, string phase, string runKey);

    public static void MarkTriggeredFailed(ILogger logger, Exception exception, string phase, string runKey) =>
        LogMarkTriggeredFailed(logger, exception, LogText.Escape(phase), LogText.Escape(runKey));

    [LoggerMessage(EventId = 4019, EventName = "Configuration", Level = LogLevel.Information, Message = "Orchestrating {PhaseCount} phase(s), tallies in {Store}: {Phases}")]
    private static partial void LogConfiguration(ILogger logger, int phaseCount, string store, string phases);

    public static void Configuration(ILogger logger, int phaseCount, string store, string phases) =>
        LogConfiguration(logger, phaseCount, LogText.Escape(store), LogText.Escape(phases));

    [LoggerMessage(EventId = 4020, EventName = "DeploymentNotRecorded", Level = LogLevel.Warning, Message = "The first deployment of phase {Phase} could not be recorded (store unavailable); the watchdog asks again, and expected run keys wait for it")]
    private static partial void LogDeploymentNotRecorded(ILogger logger, Exception exception, string phase);

    public static void DeploymentNotRecorded(ILogger logger, Exception exception, string phase) =>
        LogDeploymentNotRecorded(logger, exception, LogText.Escape(phase));
}
