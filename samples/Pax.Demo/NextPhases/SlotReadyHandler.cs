using Pax.Demo.Pipeline;
using Pax.Demo.Tracing;
using Pax.Orchestration.Completion.Triggers;

namespace Pax.Demo.NextPhases;

/// <summary>The last next phase, started in-process when the contact sheet's phase is complete: the slot is ready (where a real pipeline would publish it).</summary>
public sealed class SlotReadyHandler : INextPhaseHandler
{
    private readonly DemoTimeline _timeline;

    /// <summary>Initializes the handler.</summary>
    /// <param name="timeline">Where steps go.</param>
    public SlotReadyHandler(DemoTimeline timeline)
    {
        _timeline = timeline;
    }

    /// <inheritdoc />
    public Task HandleAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SlotTrace.StartNextPhase(DemoPhases.SlotReadyHandler, request);
        _timeline.Started(DemoPhases.SlotReadyHandler, request);
        _timeline.Add(DemoPhases.SlotReadyHandler, $"slot {request.RunKey} is ready: snapshots, reports and contact sheet are in place");
        return Task.CompletedTask;
    }
}
