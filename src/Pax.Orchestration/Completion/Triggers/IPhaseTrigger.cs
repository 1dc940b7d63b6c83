namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// Starts the next phase. Called by the tally engine after it claimed the (phase, run key); it is called again for the
/// same key when that claim lapses unmarked (the attempt failed, timed out, or its process died), with
/// <see cref="PhaseTriggerRequest.Redrive"/> set — and the earlier attempt may have landed. So delivery is at least
/// once: implementations pass <see cref="PhaseTriggerRequest.IdempotencyKey"/> downstream for the receiver to
/// deduplicate on, and one that can see what it started before (<see cref="CloudRunJobTrigger"/> lists the job's
/// executions) checks on a re-drive instead of starting it again.
/// </summary>
public interface IPhaseTrigger
{
    /// <summary>Starts the next phase.</summary>
    /// <param name="request">The completed phase, run key and idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call (the engine's trigger timeout).</param>
    /// <returns>A task that completes when the next phase was accepted.</returns>
    Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken);
}
