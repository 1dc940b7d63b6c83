using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Processing.Internal;

/// <summary>Log events of <see cref="ProcessorHost"/> (event ids 4501–4509, category <c>Pax.Orchestration.Processing</c>).</summary>
internal static partial class ProcessorLog
{
    public const string Category = "Pax.Orchestration.Processing";

    [LoggerMessage(4501, LogLevel.Information, "Reported {Status} for run key {RunKey} as processor {Processor} to {Topic} (message {MessageId})")]
    public static partial void Reported(ILogger logger, string status, string runKey, string processor, string topic, string messageId);

    [LoggerMessage(4502, LogLevel.Information, "Execution {Earlier} of {Job}, created earlier, carries idempotency key {IdempotencyKey}: this execution leaves the work to it and reports nothing")]
    public static partial void LeftToEarlierExecution(ILogger logger, string earlier, string job, string idempotencyKey);

    [LoggerMessage(4503, LogLevel.Warning, "Could not look for an earlier execution of {Job} carrying idempotency key {IdempotencyKey} ({Reason}); doing the work. Grant roles/run.viewer on the job to this job's service account so a duplicate execution can step aside")]
    public static partial void EarlierExecutionUnknown(ILogger logger, string job, string idempotencyKey, string reason);

    [LoggerMessage(4504, LogLevel.Debug, "The work for run key {RunKey} threw")]
    public static partial void WorkThrew(ILogger logger, string runKey, Exception exception);

    [LoggerMessage(4505, LogLevel.Debug, "The report for run key {RunKey} was not published")]
    public static partial void NotPublished(ILogger logger, string runKey, Exception exception);
}
