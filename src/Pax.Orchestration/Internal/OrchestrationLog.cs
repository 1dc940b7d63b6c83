using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Internal;

/// <summary>The package's log events (stable ids 4001–4099).</summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Recorded {Status} from {Processor} for {Phase}/{RunKey} (message {MessageId})")]
    public static partial void Recorded(ILogger logger, string phase, string runKey, string processor, string status, string? messageId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Duplicate report from {Processor} for {Phase}/{RunKey} (message {MessageId})")]
    public static partial void Duplicate(ILogger logger, string phase, string runKey, string processor, string? messageId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Rejected delivery {MessageId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string? messageId, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Claimed {Phase}/{RunKey} until {LeaseUntil:O}")]
    public static partial void Claimed(ILogger logger, string phase, string runKey, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Triggered the phase after {Phase} for {RunKey} (idempotency key {IdempotencyKey})")]
    public static partial void Triggered(ILogger logger, string phase, string runKey, string idempotencyKey);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Trigger after {Phase} for {RunKey} failed; the claim stays and is re-driven after its lease")]
    public static partial void TriggerFailed(ILogger logger, Exception exception, string phase, string runKey);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Completion store or token check unavailable; answering 503 so Pub/Sub redelivers")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Push delivery not authenticated ({Mode}): {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string mode, string reason);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "Tally {Phase}/{RunKey} is overdue since {DeadlineAt:O}: missing [{Missing}] ({MissingCount} more success(es) needed), failed [{Failed}]")]
    public static partial void Overdue(ILogger logger, string phase, string runKey, DateTimeOffset deadlineAt, string missing, int missingCount, string failed);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "No processor reported for {Phase}/{RunKey}, expected at {ExpectedAt:O}; overdue since {DeadlineAt:O}: missing [{Missing}] ({MissingCount} success(es) needed)")]
    public static partial void NoReport(ILogger logger, string phase, string runKey, DateTimeOffset expectedAt, DateTimeOffset deadlineAt, string missing, int missingCount);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Delivery not handled within the ack deadline ({AckDeadline}); answering 503 so Pub/Sub redelivers it")]
    public static partial void AckDeadlineExceeded(ILogger logger, Exception exception, TimeSpan ackDeadline);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "{Endpoint} request not authenticated ({Mode}): {Reason}")]
    public static partial void OperatorUnauthenticated(ILogger logger, string endpoint, string mode, string reason);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "{Section}:Authentication is None: every endpoint except /healthz accepts requests from anyone. Use it only for local runs and emulators")]
    public static partial void AuthenticationOff(ILogger logger, string section);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Watchdog re-drives {Phase}/{RunKey} (state {State})")]
    public static partial void Redriving(ILogger logger, string phase, string runKey, string state);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Marking {Phase}/{RunKey} triggered failed after the trigger succeeded; it is re-driven after the lease (receivers deduplicate on the idempotency key)")]
    public static partial void MarkTriggeredFailed(ILogger logger, Exception exception, string phase, string runKey);
}
