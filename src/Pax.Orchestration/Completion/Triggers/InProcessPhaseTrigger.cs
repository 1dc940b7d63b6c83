namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// Starts the next phase by calling an <see cref="INextPhaseHandler"/> in the same process, with the same
/// <see cref="PhaseTriggerRequest"/> (idempotency key <c>{phase}:{runKey}</c>, re-drive flag) the topic, job and HTTP
/// triggers send: for local development and tests. Configure it with <c>Pax:Orchestration:Phases:N:Trigger:Handler</c>
/// (the handler's name) or set <see cref="PhaseDefinition.CustomTrigger"/> in code.
/// The handler runs inside the trigger call, bounded by <c>Pax:Orchestration:TriggerTimeout</c>: the tally is marked
/// triggered only after it returns, so a handler that throws or times out leaves the claim for a re-drive and nothing is
/// lost; a handler with long work should accept it and run it elsewhere, as a Cloud Run job would.
/// </summary>
public sealed class InProcessPhaseTrigger : IPhaseTrigger
{
    private readonly INextPhaseHandler _handler;

    /// <summary>Initializes a trigger that calls <paramref name="handler"/>.</summary>
    /// <param name="handler">The next phase's handler.</param>
    public InProcessPhaseTrigger(INextPhaseHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
    }

    /// <inheritdoc />
    public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // WaitAsync: a handler that ignores its token still ends the call at TriggerTimeout (its work runs on, unawaited).
        return _handler.HandleAsync(request, cancellationToken).WaitAsync(cancellationToken);
    }
}
