using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>The dashboard's reads (<see cref="ICompletionStoreQueries"/>), run against each store.</summary>
public abstract class CompletionStoreQueriesContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases);

    [Fact]
    public async Task Recent_tallies_come_newest_first_with_every_report_and_only_from_the_phase()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b"), Named("other", "a"));
        await h.RecordAsync("phase2", "a", "k1", messageId: "m1");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RecordAsync("phase2", "a", "k2", CompletionStatus.Failed, messageId: "m2");
        await h.RecordAsync("phase2", "b", "k2", messageId: "m3");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RecordAsync("other", "a", "k9");

        var page = await Queries(h).ListRecentAsync("phase2", 10, null, Ct);

        Assert.Equal(["k2", "k1"], page.Select(t => t.RunKey));
        var k2 = page[0];
        Assert.Equal(CompletionStatus.Failed, k2.Completions["a"].Status);
        Assert.Equal("m2", k2.Completions["a"].MessageId);
        Assert.Equal("m3", k2.Completions["b"].MessageId);
        Assert.Equal(h.Time.GetUtcNow() - TimeSpan.FromMinutes(1), k2.CreatedAt);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_when_tallies_share_a_creation_time()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        var expected = new List<string>();
        for (var minute = 0; minute < 3; minute++)
        {
            for (var i = 0; i < 3; i++)
            {
                var key = $"k{minute}-{i}";
                await h.RecordAsync("phase2", "a", key, messageId: key);
                expected.Add(key);
            }

            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<string>();
        TallyCursor? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await Queries(h).ListRecentAsync("phase2", 2, after, Ct);
            Assert.True(page.Count <= 2);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(t => t.RunKey));
            after = TallyCursor.After(page[^1]);
        }

        // Newest minute first; within a minute, run key descending.
        Assert.Equal(expected.OrderByDescending(k => k[1]).ThenByDescending(k => k, StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task The_latest_rejected_deliveries_come_newest_first_and_bounded()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        for (var i = 0; i < 4; i++)
        {
            await h.Store.RecordRejectedAsync(new RejectedMessage($"m{i}", $"reason {i}", h.Time.GetUtcNow(), $"<excerpt {i}>"), Ct);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var latest = await Queries(h).ListRecentRejectedAsync(3, null, null, Ct);

        Assert.Equal(["m3", "m2", "m1"], latest.Select(r => r.MessageId));
        Assert.Equal(("reason 3", "<excerpt 3>"), (latest[0].Reason, latest[0].Excerpt));
    }

    [Fact]
    public async Task A_claim_is_stored_with_when_it_was_taken_and_a_redrive_counts_as_a_further_claim()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        h.Trigger.FailNext(1);
        var claimedAt = h.Time.GetUtcNow();
        await h.RecordAsync("phase2", "a", "k1", messageId: "m1");

        var stuck = await h.Store.GetAsync("phase2", "k1", Ct);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var redrivenAt = h.Time.GetUtcNow();
        var outcome = await h.Tally.DriveAsync("phase2", "k1", Ct);
        var triggered = (await Queries(h).ListRecentAsync("phase2", 1, null, Ct)).Single();

        Assert.Equal((TallyTriggerState.Claimed, claimedAt, 1), (stuck!.State, stuck.ClaimedAt, stuck.Claims));
        Assert.Equal(DriveOutcome.Triggered, outcome);
        Assert.Equal((TallyTriggerState.Triggered, redrivenAt, 2), (triggered.State, triggered.ClaimedAt, triggered.Claims));
    }

    [Fact]
    public async Task A_page_size_outside_1_to_500_is_refused_before_the_store_is_read()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries(h).ListRecentAsync("phase2", 0, null, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries(h).ListRecentRejectedAsync(501, null, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Queries(h).ListRecentRejectedAsync(10, null, "k1", Ct));
    }

    [Fact]
    public async Task Rejected_deliveries_keep_whom_they_named_and_are_listed_and_counted_per_phase_and_run_key()
    {
        await using var h = await CreateAsync(Named("phase2", "a"), Named("other", "a"));
        var start = h.Time.GetUtcNow();
        await RejectAsync(h, "old", "phase2", "k1", " a");
        h.Time.Advance(TimeSpan.FromHours(25));
        await RejectAsync(h, "m1", "phase2", "k1", " a");
        await RejectAsync(h, "m2", "phase2", "k2", "b");
        await RejectAsync(h, "m3", "other", "k1", "a");
        await h.Store.RecordRejectedAsync(new RejectedMessage("m4", "envelope", h.Time.GetUtcNow(), null), Ct);
        await RejectAsync(h, "m5", "phase2", "k1", "a ");

        var forRunKey = await Queries(h).ListRecentRejectedAsync(10, "phase2", "k1", Ct);
        var forPhase = await Queries(h).ListRecentRejectedAsync(10, "phase2", null, Ct);
        var all = await Queries(h).ListRecentRejectedAsync(10, null, null, Ct);
        var lastDay = await Queries(h).CountRejectedSinceAsync("phase2", h.Time.GetUtcNow() - TimeSpan.FromHours(24), Ct);
        var ever = await Queries(h).CountRejectedSinceAsync("phase2", start, Ct);

        Assert.Equal(["m5", "m1", "old"], forRunKey.Select(r => r.MessageId));
        Assert.Equal(("phase2", "k1", "a "), (forRunKey[0].Phase, forRunKey[0].RunKey, forRunKey[0].Processor));
        Assert.Equal(["m5", "m2", "m1", "old"], forPhase.Select(r => r.MessageId));
        Assert.Equal(6, all.Count);
        Assert.Equal((null, null, null), (all.Single(r => r.MessageId == "m4").Phase, all.Single(r => r.MessageId == "m4").RunKey, all.Single(r => r.MessageId == "m4").Processor));
        Assert.Equal((3, 4), (lastDay, ever));
    }

    [Fact]
    public async Task A_phase_first_deployment_is_recorded_once_and_every_later_call_reads_it()
    {
        await using var h = await CreateAsync(Named("phase2", "a"), Named("other", "a"));
        var first = h.Time.GetUtcNow();

        var recorded = await h.Store.RecordPhaseDeploymentAsync("phase2", first, Ct);
        h.Time.Advance(TimeSpan.FromDays(2));
        var later = await h.Store.RecordPhaseDeploymentAsync("phase2", h.Time.GetUtcNow(), Ct);
        var other = await h.Store.RecordPhaseDeploymentAsync("other", h.Time.GetUtcNow(), Ct);

        Assert.Equal((first, first), (recorded, later));
        Assert.Equal(h.Time.GetUtcNow(), other);
    }

    /// <summary>Keeps a rejection one second after the previous one (newest first is by arrival).</summary>
    private static async Task RejectAsync(TallyHarness h, string messageId, string phase, string runKey, string processor)
    {
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Store.RecordRejectedAsync(
            new RejectedMessage(messageId, $"unknown processor '{processor}'", h.Time.GetUtcNow(), "{}") { Phase = phase, RunKey = runKey, Processor = processor }, Ct);
    }

    private static ICompletionStoreQueries Queries(TallyHarness h) => Assert.IsAssignableFrom<ICompletionStoreQueries>(h.Store);
}
