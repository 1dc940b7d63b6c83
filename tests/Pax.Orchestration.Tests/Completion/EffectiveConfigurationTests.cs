using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The startup entry (event 4019) and the dashboard name a phase's trigger from one classification.</summary>
public sealed class EffectiveConfigurationTests
{
    [Fact]
    public void A_phase_without_a_usable_trigger_is_none_in_both_and_an_empty_topic_is_not_a_topic()
    {
        var phase = new PhaseDefinition { Name = "p", ExpectedCount = 1 };
        phase.Trigger.Topic = string.Empty;

        Assert.Equal(("none", null), EffectiveConfiguration.TriggerOf(phase));
        Assert.Equal("p waits for 1 processors (1 must succeed), no deadline, then no trigger", EffectiveConfiguration.Phases([phase]));
    }

    [Fact]
    public void Each_kind_of_trigger_is_named_with_its_target()
    {
        var topic = new PhaseDefinition { Name = "a", ExpectedCount = 1 };
        topic.Trigger.Topic = "projects/p/topics/t";
        var handler = new PhaseDefinition { Name = "b", ExpectedCount = 1 };
        handler.Trigger.Handler = "sheet";

        Assert.Equal(("topic", "projects/p/topics/t"), EffectiveConfiguration.TriggerOf(topic));
        Assert.Equal(("handler", "sheet"), EffectiveConfiguration.TriggerOf(handler));
        Assert.EndsWith("then handler sheet", EffectiveConfiguration.Phases([handler]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_phase_says_so_and_its_names_are_shortened()
    {
        var named = new PhaseDefinition { Name = "fan", Processors = [.. Enumerable.Range(0, 10_000).Select(i => $"task-{i:00000}")] };
        var counted = new PhaseDefinition { Name = "count", ExpectedCount = 51 };

        Assert.Equal(
            "fan waits for [task-00000, task-00001, task-00002, … (10000 named)] (all 10000 must succeed) in the wide tally layout, no deadline, then no trigger; "
            + "count waits for 51 processors (51 must succeed) in the wide tally layout, no deadline, then no trigger",
            EffectiveConfiguration.Phases([named, counted]));
    }
}
