namespace Pax.Orchestration.Processing;

/// <summary>
/// A processor's own work for one run key: what <see cref="ProcessorHost"/> runs between reading the handover and
/// reporting the completion. Registered and resolved through DI, so its constructor takes what it needs (a logger,
/// clients).
/// </summary>
/// <remarks>
/// Make the work safe to repeat for a run key: Cloud Run retries a failed task, and a re-driven phase may start the
/// job again (<see cref="PhaseHandover.IdempotencyKey"/> names the trigger that started it). Return
/// <see cref="ProcessorOutcome.Failed"/> with a reason rather than throwing, so the orchestrator's tally shows why; an
/// exception is reported as failed too, with its message.
/// </remarks>
public interface IProcessorWork
{
    /// <summary>Does the work for <paramref name="handover"/>'s run key.</summary>
    /// <param name="handover">The run key, and the completed phase and idempotency key when a Pax trigger started this run.</param>
    /// <param name="cancellationToken">Cancelled at SIGTERM (Cloud Run stops the task: its timeout, or a cancelled execution) or Ctrl+C; the host then reports the run failed within Cloud Run's grace.</param>
    /// <returns>What to report for the run key.</returns>
    Task<ProcessorOutcome> RunAsync(PhaseHandover handover, CancellationToken cancellationToken);
}
