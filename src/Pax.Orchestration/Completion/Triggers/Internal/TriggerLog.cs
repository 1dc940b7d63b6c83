using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Completion.Triggers.Internal;

/// <summary>The triggers' log events (stable ids 4030–4039).</summary>
internal static partial class TriggerLog
{
    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Re-drive of {IdempotencyKey}: job {Job} already has execution {Execution} for it; not starting a second")]
    public static partial void ExecutionFound(ILogger logger, string idempotencyKey, string job, string? execution);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Re-drive of {IdempotencyKey}: none of the {Examined} executions of job {Job} carries it; running the job")]
    public static partial void ExecutionNotFound(ILogger logger, string idempotencyKey, string job, int examined);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Warning, Message = "Re-drive of {IdempotencyKey}: job {Job} has more than {Limit} executions to look through; ran out before finding it and runs the job")]
    public static partial void ExecutionSearchTruncated(ILogger logger, string idempotencyKey, string job, int limit);
}
