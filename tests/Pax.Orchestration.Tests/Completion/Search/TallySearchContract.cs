using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion.Search;

/// <summary>The dashboard's search (<see cref="ICompletionStoreQueries.SearchAsync"/>, rejected deliveries by reason), run against each store.</summary>
public abstract class TallySearchContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases);

    [Fact]
    public async Task A_run_key_prefix_finds_the_keys_that_start_with_it_by_run_key_descending_and_pages_on()
    {
        await using var h = await SeedAsync();

        var february = await SearchAsync(h, new TallySearch { RunKeyPrefix = "2026-02" });
        var december = await SearchAsync(h, new TallySearch { RunKeyPrefix = "2025" });
        var exact = await SearchAsync(h, new TallySearch { RunKeyPrefix = "2026-02-11" });
        var openInFebruary = await SearchAsync(h, new TallySearch { RunKeyPrefix = "2026-02", State = TallySearchState.Open });
        var paged = await PagesAsync(h, new TallySearch { RunKeyPrefix = "2026-" });

        Assert.Equal(["2026-02-12", "2026-02-11", "2026-02-10"], february);
        Assert.Equal(["2025-12-31"], december);
        Assert.Equal(["2026-02-11"], exact);
        Assert.Equal(["2026-02-11"], openInFebruary);
        Assert.Equal(["2026-02-12", "2026-02-11", "2026-02-10"], paged);
    }

    [Fact]
    public async Task A_wide_phase_s_tallies_come_back_from_a_search_with_their_counts()
    {
        await using var h = await CreateAsync(Counted("wide", 120));
        await h.RecordAsync("wide", "task-0001", "k1");
        await h.RecordAsync("wide", "task-0002", "k1");
        await h.RecordAsync("wide", "task-0003", "k1", CompletionStatus.Failed);

        var found = await Queries(h).SearchAsync("wide", new TallySearch { State = TallySearchState.Open }, 10, null, Ct);
        var listed = await Queries(h).ListRecentAsync("wide", 10, null, Ct);

        // As the phases page lists it: counts, not every report (a wide tally lists none).
        var tally = Assert.Single(found);
        Assert.Equal((2, 1), (tally.Counts?.Succeeded, tally.Counts?.Failed));
        Assert.Equal(Assert.Single(listed).Counts, tally.Counts);
    }

    [Fact]
    public async Task A_state_keeps_only_the_tallies_in_it_newest_first()
    {
        await using var h = await SeedAsync();

        Assert.Equal(["2025-12-31", "2026-02-11"], await SearchAsync(h, new TallySearch { State = TallySearchState.Open }));
        Assert.Equal(["2026-02-12"], await SearchAsync(h, new TallySearch { State = TallySearchState.Claimed }));
        Assert.Equal(["2026-02-10"], await SearchAsync(h, new TallySearch { State = TallySearchState.Triggered }));
        Assert.Equal(["2025-12-31", "2026-02-12", "2026-02-11"], await SearchAsync(h, new TallySearch { State = TallySearchState.Untriggered }));
        Assert.Equal(["2025-12-31", "2026-02-12", "2026-02-11", "2026-02-10"], await SearchAsync(h, new TallySearch()));
        Assert.Equal(["2025-12-31", "2026-02-12", "2026-02-11", "2026-02-10"], await PagesAsync(h, new TallySearch()));
    }

    [Fact]
    public async Task Trigger_failed_finds_the_tallies_whose_last_attempt_failed_until_the_trigger_succeeds()
    {
        await using var h = await SeedAsync();
        var failed = await Queries(h).SearchAsync("p", new TallySearch { State = TallySearchState.TriggerFailed }, 10, null, Ct);
        var inRange = await SearchAsync(h, new TallySearch { State = TallySearchState.TriggerFailed, From = Start.AddMinutes(2), Until = Start.AddMinutes(3) });
        var before = await SearchAsync(h, new TallySearch { State = TallySearchState.TriggerFailed, Until = Start.AddMinutes(2) });

        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(DriveOutcome.Triggered, await h.Tally.DriveAsync("p", "2026-02-12", Ct));
        var afterRedrive = await SearchAsync(h, new TallySearch { State = TallySearchState.TriggerFailed });

        var tally = Assert.Single(failed);
        Assert.Equal("2026-02-12", tally.RunKey);
        Assert.NotNull(tally.LastTriggerError);
        Assert.Equal(["2026-02-12"], inRange);
        Assert.Empty(before);
        Assert.Empty(afterRedrive);
    }

    [Fact]
    public async Task A_time_range_keeps_the_tallies_first_reported_within_it_and_combines_with_a_state()
    {
        await using var h = await SeedAsync();

        var window = new TallySearch { From = Start.AddMinutes(1), Until = Start.AddMinutes(3) };
        Assert.Equal(["2026-02-12", "2026-02-11"], await SearchAsync(h, window));
        Assert.Equal(["2026-02-12", "2026-02-11"], await PagesAsync(h, window));
        Assert.Equal(["2026-02-11"], await SearchAsync(h, new TallySearch { State = TallySearchState.Open, From = Start.AddMinutes(1), Until = Start.AddMinutes(3) }));
        Assert.Equal(["2026-02-12", "2026-02-11"], await SearchAsync(h, new TallySearch { State = TallySearchState.Untriggered, Until = Start.AddMinutes(3) }));
    }

    [Fact]
    public async Task A_prefix_with_a_time_range_is_refused_before_the_store_is_read()
    {
        await using var h = await SeedAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Queries(h).SearchAsync("p", new TallySearch { RunKeyPrefix = "2026", From = Start }, 10, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Queries(h).SearchAsync("p", new TallySearch { RunKeyPrefix = "2026", State = TallySearchState.TriggerFailed }, 10, null, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries(h).SearchAsync("p", new TallySearch(), 0, null, Ct));
    }

    [Fact]
    public async Task A_claim_records_the_instance_that_took_it()
    {
        await using var h = await SeedAsync();

        var claimed = await h.Store.GetAsync("p", "2026-02-12", Ct);
        var open = await h.Store.GetAsync("p", "2026-02-11", Ct);

        Assert.EndsWith("/" + Environment.ProcessId, claimed!.ClaimedBy, StringComparison.Ordinal);
        Assert.Null(open!.ClaimedBy);
    }

    [Fact]
    public async Task Rejected_deliveries_are_found_by_reason_code_and_phase_newest_first()
    {
        await using var h = await CreateAsync(Named("p", "a"));
        await RejectAsync(h, "m1", "invalid", "p");
        await RejectAsync(h, "m2", "contract", "p");
        await RejectAsync(h, "m3", "invalid", "q");
        await RejectAsync(h, "m4", "invalid", "p");
        await RejectAsync(h, "m5", "envelope", null);

        var invalid = await Queries(h).ListRejectedByReasonAsync(10, "invalid", null, Ct);
        var invalidForP = await Queries(h).ListRejectedByReasonAsync(10, "invalid", "p", Ct);
        var envelope = await Queries(h).ListRejectedByReasonAsync(10, "envelope", null, Ct);
        var latest = await Queries(h).ListRejectedByReasonAsync(1, "invalid", null, Ct);

        Assert.Equal(["m4", "m3", "m1"], invalid.Select(r => r.MessageId));
        Assert.Equal(["m4", "m1"], invalidForP.Select(r => r.MessageId));
        Assert.Equal("envelope", Assert.Single(envelope).ReasonCode);
        Assert.Equal(["m4"], latest.Select(r => r.MessageId));
    }

    private DateTimeOffset Start { get; set; }

    /// <summary>
    /// Phase p (processors a, b): 2026-02-10 triggered (first reported at Start), 2026-02-11 open (Start + 1 min),
    /// 2026-02-12 complete but its trigger failed, so still claimed (Start + 2 min), 2025-12-31 open (Start + 3 min);
    /// phase q has a 2026-02-10 too, which no search of p returns.
    /// </summary>
    private async Task<TallyHarness> SeedAsync()
    {
        var h = await CreateAsync(Named("p", "a", "b"), Named("q", "a"));
        Start = h.Time.GetUtcNow();
        await h.RecordAsync("p", "a", "2026-02-10");
        await h.RecordAsync("p", "b", "2026-02-10");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RecordAsync("p", "a", "2026-02-11");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        h.Trigger.FailNext(1);
        await h.RecordAsync("p", "a", "2026-02-12");
        await h.RecordAsync("p", "b", "2026-02-12");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RecordAsync("p", "a", "2025-12-31");
        await h.RecordAsync("q", "a", "2026-02-10");
        return h;
    }

    private static async Task<List<string>> SearchAsync(TallyHarness h, TallySearch search) =>
        (await Queries(h).SearchAsync("p", search, 10, null, Ct)).Select(t => t.RunKey).ToList();

    /// <summary>Reads the search one tally per page, each page after the last one's cursor.</summary>
    private static async Task<List<string>> PagesAsync(TallyHarness h, TallySearch search)
    {
        var seen = new List<string>();
        TallyCursor? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await Queries(h).SearchAsync("p", search, 1, after, Ct);
            if (page.Count == 0)
            {
                break;
            }

            seen.Add(Assert.Single(page).RunKey);
            after = search.After(page[0]);
        }

        return seen;
    }

    private static async Task RejectAsync(TallyHarness h, string messageId, string code, string? phase)
    {
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Store.RecordRejectedAsync(new RejectedMessage(messageId, "why " + code, h.Time.GetUtcNow(), "{}") { Phase = phase, ReasonCode = code }, Ct);
    }

    private static ICompletionStoreQueries Queries(TallyHarness h) => Assert.IsAssignableFrom<ICompletionStoreQueries>(h.Store);
}
