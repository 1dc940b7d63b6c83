namespace Pax.Orchestration.Triggers;

/// <summary>
/// Starts the next phase. Called by the tally engine after it claimed the (phase, run key); it may be called again
/// for the same key after a crash or failure (the outbox retries), so implementations pass
/// <see cref="PhaseTriggerRequest.IdempotencyKey"/> downstream for the receiver to deduplicate on.
/// </summary>
public interface IPhaseTrigger
{
    /// <summary>Starts the next phase.</summary>
    /// <param name="request">The completed phase, run key and idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call (the engine's trigger timeout).</param>
    /// <returns>A task that completes when the next phase was accepted.</returns>
    Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken);
}
