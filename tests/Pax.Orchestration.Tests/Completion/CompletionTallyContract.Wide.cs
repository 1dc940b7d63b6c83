using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>
/// The wide layout (a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>: one record per report, counted),
/// on each store: the same rules as a narrow tally, statuses with counts instead of names, and reports paged.
/// </summary>
public abstract partial class CompletionTallyContract
{
    private const int Wide = 120;

    private static IEnumerable<string> Tasks(int count) => Enumerable.Range(0, count).Select(i => $"task-{i:0000}");

    [Fact]
    public async Task A_wide_phase_triggers_once_at_its_threshold_and_counts_instead_of_listing()
    {
        await using var h = await CreateAsync(Counted("wide", Wide, threshold: 100));
        var tasks = Tasks(Wide).ToList();
        foreach (var task in tasks.Take(99))
        {
            await h.RecordAsync("wide", task, "k1");
        }

        var before = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        var crossing = await h.RecordAsync("wide", tasks[99], "k1");
        var later = await h.RecordAsync("wide", tasks[100], "k1");

        Assert.Equal((false, 99, 1), (before!.Complete, before.CompletedCount, before.MissingCount));
        Assert.Equal(DriveOutcome.Triggered, crossing.Drive);
        Assert.Equal(DriveOutcome.AlreadyTriggered, later.Drive);
        Assert.Single(h.Trigger.Calls);
        var status = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        Assert.Equal((true, 101, 0, 0), (status!.Triggered, status.CompletedCount, status.FailedCount, status.MissingCount));
        Assert.Empty(status.Completed);
        var stored = await h.Store.GetAsync("wide", "k1", Ct);
        Assert.Equal(101, stored!.Counts!.Succeeded);
        Assert.Empty(stored.Completions);
    }

    [Fact]
    public async Task A_wide_phase_recognises_duplicates_and_lets_a_success_replace_a_failure()
    {
        await using var h = await CreateAsync(Counted("wide", Wide));
        var first = await h.RecordAsync("wide", "task-0001", "k1", messageId: "m1");
        var again = await h.RecordAsync("wide", "task-0001", "k1", messageId: "m1");
        var failed = await h.RecordAsync("wide", "task-0002", "k1", CompletionStatus.Failed, messageId: "m2");
        var failedAgain = await h.RecordAsync("wide", "task-0002", "k1", CompletionStatus.Failed, messageId: "m3");
        var blocked = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        var retried = await h.RecordAsync("wide", "task-0002", "k1", messageId: "m4");
        var lateFailure = await h.RecordAsync("wide", "task-0002", "k1", CompletionStatus.Failed, messageId: "m5");

        Assert.Equal(
            [ReportDisposition.Recorded, ReportDisposition.Duplicate, ReportDisposition.Recorded, ReportDisposition.Duplicate, ReportDisposition.Recorded, ReportDisposition.Duplicate],
            new[] { first, again, failed, failedAgain, retried, lateFailure }.Select(r => r.Disposition));
        Assert.Equal((1, 1), (blocked!.CompletedCount, blocked.FailedCount));
        var status = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        Assert.Equal((2, 0, Wide - 2), (status!.CompletedCount, status.FailedCount, status.MissingCount));
        var report = Assert.Single(await Queries(h).ListReportsAsync("wide", "k1", 10, "task-0001", Ct));
        Assert.Equal(("task-0002", CompletionStatus.Succeeded, "m4"), (report.Processor, report.Status, report.MessageId));
    }

    [Fact]
    public async Task A_failure_blocks_a_wide_phase_until_the_processor_succeeds()
    {
        await using var h = await CreateAsync(Counted("wide", Wide));
        await h.RecordAsync("wide", "task-0000", "k1", CompletionStatus.Failed);
        foreach (var task in Tasks(Wide).Skip(1))
        {
            await h.RecordAsync("wide", task, "k1");
        }

        var blocked = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        var retried = await h.RecordAsync("wide", "task-0000", "k1");

        Assert.Equal((false, Wide - 1, 1), (blocked!.Complete, blocked.CompletedCount, blocked.FailedCount));
        Assert.Empty(blocked.Failed);
        Assert.Equal(DriveOutcome.Triggered, retried.Drive);
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task Concurrent_duplicate_reports_crossing_a_wide_threshold_claim_and_trigger_exactly_once()
    {
        await using var h = await CreateAsync(Counted("wide", Wide, threshold: 100));
        var deliveries = Tasks(Wide).SelectMany(t => new[] { t, t }).OrderBy(_ => Random.Shared.Next()).ToList();
        var receipts = new System.Collections.Concurrent.ConcurrentBag<CompletionReceipt>();

        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (task, _) =>
            receipts.Add(await h.RecordAsync("wide", task, "k1", messageId: task)));

        Assert.Single(h.Trigger.Calls);
        Assert.Single(receipts, r => r.Drive == DriveOutcome.Triggered);
        Assert.Equal(Wide, receipts.Count(r => r.Disposition == ReportDisposition.Recorded));
        Assert.Equal(Wide, receipts.Count(r => r.Disposition == ReportDisposition.Duplicate));
        var stored = await h.Store.GetAsync("wide", "k1", Ct);
        Assert.Equal((TallyTriggerState.Triggered, 1, Wide, 0), (stored!.State, stored.Claims, stored.Counts!.Succeeded, stored.Counts.Failed));
    }

    [Fact]
    public async Task The_watchdog_reports_an_overdue_wide_run_key_with_its_missing_and_failed_counts()
    {
        var phase = Counted("wide", Wide);
        phase.Deadline = TimeSpan.FromHours(1);
        await using var h = await CreateAsync(phase);
        foreach (var task in Tasks(60))
        {
            await h.RecordAsync("wide", task, "k1");
        }

        await h.RecordAsync("wide", "task-0060", "k1", CompletionStatus.Failed);
        var early = await h.Watchdog.RunAsync(Ct);
        h.Time.Advance(TimeSpan.FromHours(2));
        var late = await h.Watchdog.RunAsync(Ct);

        Assert.Empty(early.Overdue);
        var overdue = Assert.Single(late.Overdue);
        Assert.Equal(("k1", 60, 1, 60), (overdue.RunKey, overdue.CompletedCount, overdue.FailedCount, overdue.MissingCount));
        Assert.Equal(h.Time.GetUtcNow() - TimeSpan.FromHours(2) + TimeSpan.FromHours(1), overdue.DeadlineAt);
        Assert.Contains("k1", await h.Store.FindRecordedRunKeysAsync("wide", ["k1", "k2"], Ct));
        Assert.Empty(h.Trigger.Calls);
    }

    [Fact]
    public async Task A_named_wide_phase_rejects_unknown_names_and_triggers_when_every_name_succeeded()
    {
        var names = Tasks(60).ToArray();
        await using var h = await CreateAsync(Named("wide", names));
        var unknown = await h.RecordAsync("wide", "task-9999", "k1");
        DriveOutcome last = default;
        foreach (var name in names)
        {
            last = (await h.RecordAsync("wide", name, "k1")).Drive;
        }

        Assert.Equal(ReportDisposition.Rejected, unknown.Disposition);
        Assert.Equal(DriveOutcome.Triggered, last);
        var status = await h.Tally.GetStatusAsync("wide", "k1", Ct);
        Assert.Equal((60, 0), (status!.CompletedCount, status.MissingCount));
    }

    [Fact]
    public async Task A_wide_run_keys_reports_are_read_a_page_at_a_time_in_processor_order()
    {
        await using var h = await CreateAsync(Counted("wide", Wide));
        var names = Tasks(Wide - 1).Append("a/b%c").ToList();
        foreach (var name in names)
        {
            await h.RecordAsync("wide", name, "k1", messageId: "m-" + name);
        }

        var pages = new List<IReadOnlyList<ProcessorCompletion>>();
        string? after = null;
        do
        {
            pages.Add(await Queries(h).ListReportsAsync("wide", "k1", 50, after, Ct));
            after = pages[^1].Count == 50 ? pages[^1][^1].Processor : null;
        }
        while (after is not null);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        Assert.Equal(names.Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(r => r.Processor));
        Assert.All(pages.SelectMany(p => p), r => Assert.Equal("m-" + r.Processor, r.MessageId));
    }

    private static ICompletionStoreQueries Queries(TallyHarness h) => (ICompletionStoreQueries)h.Store;
}
