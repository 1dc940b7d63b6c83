using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Tests.Processing;

/// <summary>The receiving side of the handover (the sending side: PhaseTriggerTests reads what the triggers send back through these readers).</summary>
public sealed class PhaseHandoverTests
{
    [Fact]
    public void The_environment_a_job_trigger_sets_reads_back_as_the_handover()
    {
        var variables = new Dictionary<string, string>
        {
            ["PAX_PHASE"] = "phase2",
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_IDEMPOTENCY_KEY"] = "phase2:2026-02-10",
        };

        Assert.Equal(new PhaseHandover("2026-02-10", "phase2", "phase2:2026-02-10"), PhaseHandover.FromEnvironment(variables.GetValueOrDefault));
    }

    [Fact]
    public void A_local_run_names_only_the_run_key_and_without_it_there_is_no_handover()
    {
        Assert.Equal(new PhaseHandover("2026-02-10"), PhaseHandover.FromEnvironment(name => name == "PAX_RUN_KEY" ? "2026-02-10" : string.Empty));
        Assert.Null(PhaseHandover.FromEnvironment(_ => null));
        Assert.Null(PhaseHandover.FromAttributes(new Dictionary<string, string> { ["phase"] = "phase2", ["runKey"] = string.Empty }));
    }

    [Fact]
    public void The_idempotency_key_and_a_slot_run_key_have_one_format_each()
    {
        Assert.Equal("phase2:2026-02-10", PhaseHandover.IdempotencyKeyFor("phase2", "2026-02-10"));
        Assert.Equal("2026-02-10T14:30:00Z", PhaseHandover.SlotRunKey(new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(-5))));
    }
}
