namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// Starts the next phase in this process: what an <see cref="InProcessPhaseTrigger"/> calls when a phase is complete,
/// where production would publish to a topic, run a Cloud Run job or POST to a service. Register it with
/// <c>services.AddNextPhaseHandler&lt;THandler&gt;("name")</c> and name it in <c>Pax:Orchestration:Phases:N:Trigger:Handler</c>.
/// Like every trigger's receiver it may be called more than once for one (phase, run key) — after a failed or timed-out
/// attempt, with <see cref="PhaseTriggerRequest.Redrive"/> set — so deduplicate on
/// <see cref="PhaseTriggerRequest.IdempotencyKey"/> (<c>{phase}:{runKey}</c>, the key the other triggers send).
/// </summary>
public interface INextPhaseHandler
{
    /// <summary>Starts (or runs) the next phase.</summary>
    /// <param name="request">The completed phase, run key, idempotency key and the processors that succeeded.</param>
    /// <param name="cancellationToken">Fires at <c>Pax:Orchestration:TriggerTimeout</c> or when the caller gives up.</param>
    /// <returns>A task that completes when the next phase was accepted; a throw is a failed trigger, re-driven after the claim's lease.</returns>
    Task HandleAsync(PhaseTriggerRequest request, CancellationToken cancellationToken);
}
