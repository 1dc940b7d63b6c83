using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The engine contract on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreCompletionTallyTests(EmulatorsFixture emulators) : CompletionTallyContract
{
    [Fact]
    public async Task A_narrow_run_key_of_a_phase_widened_past_50_refuses_a_processor_past_500_and_names_the_fix()
    {
        // Its one document keeps the narrow layout, so the narrow bound holds (SQLite's rows have none: there it records).
        await using var narrow = await CreateAsync(TallyHarness.Counted("grow", 40));
        foreach (var p in Enumerable.Range(0, CompletionLimits.MaxProcessorsPerTally).Select(i => $"p{i:000}"))
        {
            await narrow.RecordAsync("grow", p, "k1", CompletionStatus.Failed, messageId: p);
        }

        await using var widened = narrow.Reconfigure(TallyHarness.Counted("grow", 1000));
        var further = await widened.RecordAsync("grow", "p-extra", "k1", messageId: "extra");

        Assert.Equal(ReportDisposition.Rejected, further.Disposition);
        Assert.Contains("started in the narrow layout before the phase was widened past 50 processors", further.Reason, StringComparison.Ordinal);
        Assert.Contains("delete its tally and publish its reports again", further.Reason, StringComparison.Ordinal);
    }

    protected override async Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) =>
        TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);
}
