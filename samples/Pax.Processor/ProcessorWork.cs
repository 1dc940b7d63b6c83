using Microsoft.Extensions.Logging;
using Pax.Orchestration.Completion;

namespace Pax.Processor;

/// <summary>The processor's own work for one run key: replace the body of <see cref="RunAsync"/> with yours.</summary>
/// <remarks>
/// The work should be safe to repeat for a run key: Cloud Run retries a failed task, and a re-driven phase runs the job
/// again (PAX_IDEMPOTENCY_KEY names the trigger that started it). Report <see cref="CompletionStatus.Failed"/> with a
/// reason rather than throwing, so the orchestrator's tally shows why.
/// </remarks>
internal sealed partial class ProcessorWork(ILogger<ProcessorWork> logger)
{
    public async Task<(CompletionStatus Status, string? Details)> RunAsync(string runKey, CancellationToken cancellationToken)
    {
        LogStarting(runKey);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return (CompletionStatus.Succeeded, null);
    }

    [LoggerMessage(1, LogLevel.Information, "Processing run key {RunKey}")]
    private partial void LogStarting(string runKey);
}
