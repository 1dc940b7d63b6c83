using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Dashboard.Internal;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>
/// The dashboard reads Pax.Orchestration's public API only, so it classifies a phase's trigger itself; it must name it as
/// the orchestrator's startup entry (event 4019, <see cref="EffectiveConfiguration"/>) does, or the two places operators
/// look would disagree.
/// </summary>
public sealed class DashboardTriggerTests
{
    public static TheoryData<string> Phases => new() { "topic", "job", "url", "handler", "custom", "none", "topic-and-job", "empty-topic" };

    [Theory]
    [MemberData(nameof(Phases))]
    public void The_dashboard_names_a_trigger_as_the_startup_entry_does(string shape)
    {
        var phase = Phase(shape);

        var dashboard = DashboardReader.Trigger(phase);

        Assert.Equal(EffectiveConfiguration.TriggerOf(phase), (dashboard.Kind, dashboard.Target));
    }

    private static PhaseDefinition Phase(string shape)
    {
        var phase = new PhaseDefinition { Name = "p", Processors = ["a"] };
        switch (shape)
        {
            case "topic": phase.Trigger.Topic = "projects/p/topics/next"; break;
            case "job": phase.Trigger.Job = "projects/p/locations/us-central1/jobs/next"; break;
            case "url": phase.Trigger.Url = new Uri("https://next.example/run"); break;
            case "handler": phase.Trigger.Handler = "next"; break;
            case "custom": phase.CustomTrigger = new NoTrigger(); break;
            case "topic-and-job": phase.Trigger.Topic = "projects/p/topics/next"; phase.Trigger.Job = "projects/p/locations/us-central1/jobs/next"; break;
            case "empty-topic": phase.Trigger.Topic = string.Empty; break;
            default: break;
        }

        return phase;
    }

    private sealed class NoTrigger : IPhaseTrigger
    {
        public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
