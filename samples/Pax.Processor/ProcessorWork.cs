using Microsoft.Extensions.Logging;
using Pax.Orchestration.Processing;

namespace Pax.Processor;

/// <summary>The processor's own work for one run key: replace the body of <see cref="RunAsync"/> with yours.</summary>
/// <remarks>
/// The work should be safe to repeat for a run key: Cloud Run retries a failed task, and a re-driven phase runs the job
/// again (<see cref="PhaseHandover.IdempotencyKey"/> names the trigger that started it). Return
/// <see cref="ProcessorOutcome.Failed"/> with a reason rather than throwing, so the orchestrator's tally shows why.
/// Honour the token: it is cancelled when Cloud Run stops the task, and the host then reports the run failed.
/// </remarks>
internal sealed partial class ProcessorWork(ILogger<ProcessorWork> logger) : IProcessorWork
{
    public async Task<ProcessorOutcome> RunAsync(PhaseHandover handover, CancellationToken cancellationToken)
    {
        LogStarting(handover.RunKey);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return ProcessorOutcome.Succeeded();
    }

    [LoggerMessage(1, LogLevel.Information, "Processing run key {RunKey}")]
    private partial void LogStarting(string runKey);
}
