using System.Diagnostics;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Tracing;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The engine's behaviour, run against each store.</summary>
public abstract partial class CompletionTallyContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases);

    [Fact]
    public async Task Triggers_once_when_every_named_processor_succeeded()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b", "c"));

        var first = await h.RecordAsync("phase2", "a", "2026-02-10");
        await h.RecordAsync("phase2", "b", "2026-02-10");
        var last = await h.RecordAsync("phase2", "c", "2026-02-10");

        Assert.Equal(DriveOutcome.NotComplete, first.Drive);
        Assert.Equal(DriveOutcome.Triggered, last.Drive);
        var call = Assert.Single(h.Trigger.Calls);
        Assert.Equal(("phase2", "2026-02-10", "phase2:2026-02-10"), (call.Phase, call.RunKey, call.IdempotencyKey));
        Assert.Equal(["a", "b", "c"], call.Completed);
        var status = await h.Tally.GetStatusAsync("phase2", "2026-02-10", Ct);
        Assert.True(status!.Triggered);
        Assert.NotNull(status.TriggeredAt);
    }

    [Fact]
    public async Task A_narrow_tally_holds_at_most_500_processors_and_refuses_a_further_one_while_known_ones_still_record()
    {
        // A narrow phase (it expects 50) that hears from more processors than it expects: its one document stays bounded.
        await using var h = await CreateAsync(Counted("phase2", CompletionLimits.MaxNarrowFanIn));
        var processors = Enumerable.Range(0, CompletionLimits.MaxProcessorsPerTally).Select(i => $"p{i:000}").ToList();
        foreach (var p in processors)
        {
            await h.RecordAsync("phase2", p, "k1", CompletionStatus.Failed, messageId: p);
        }

        var further = await h.RecordAsync("phase2", "p-extra", "k1", messageId: "extra");
        var retried = await h.RecordAsync("phase2", "p000", "k1", messageId: "p000-retry");

        Assert.Equal(ReportDisposition.Rejected, further.Disposition);
        Assert.Contains("500", further.Reason, StringComparison.Ordinal);
        Assert.Equal(ReportDisposition.Recorded, retried.Disposition);
        var status = await h.Tally.GetStatusAsync("phase2", "k1", Ct);
        Assert.Equal(CompletionLimits.MaxProcessorsPerTally, status!.Completed.Count + status.Failed.Count);
    }

    [Fact]
    public async Task A_redelivered_report_is_a_duplicate_and_does_not_trigger_again()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b"));
        await h.RecordAsync("phase2", "a", "k1", messageId: "m1");
        await h.RecordAsync("phase2", "b", "k1", messageId: "m2");

        var again = await h.RecordAsync("phase2", "a", "k1", messageId: "m1");
        var republished = await h.RecordAsync("phase2", "b", "k1", messageId: "m3");

        Assert.Equal(ReportDisposition.Duplicate, again.Disposition);
        Assert.Equal(ReportDisposition.Duplicate, republished.Disposition);
        Assert.Equal(DriveOutcome.AlreadyTriggered, republished.Drive);
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_trigger_exactly_once_per_run_key()
    {
        var processors = new[] { "p1", "p2", "p3", "p4" };
        await using var h = await CreateAsync(Named("phase2", processors));
        var runKeys = Enumerable.Range(0, 12).Select(i => $"2026-03-{i + 1:00}").ToList();
        var deliveries = runKeys.SelectMany(k => processors.SelectMany(p => Enumerable.Repeat((k, p), 3))).ToList();

        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (d, _) =>
            await h.RecordAsync("phase2", d.p, d.k, messageId: $"{d.k}/{d.p}"));

        Assert.All(runKeys, k => Assert.Equal(1, h.Trigger.CallsFor(k)));
        Assert.Equal(runKeys.Count, h.Trigger.Calls.Count);
    }

    [Fact]
    public async Task A_failed_processor_blocks_the_trigger_until_it_reports_success()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b"));
        await h.RecordAsync("phase2", "a", "k1");

        var failed = await h.RecordAsync("phase2", "b", "k1", CompletionStatus.Failed);
        var status = await h.Tally.GetStatusAsync("phase2", "k1", Ct);
        var retried = await h.RecordAsync("phase2", "b", "k1", CompletionStatus.Succeeded);

        Assert.Equal(DriveOutcome.NotComplete, failed.Drive);
        Assert.Equal(["b"], status!.Failed);
        Assert.False(status.Complete);
        Assert.Equal(ReportDisposition.Recorded, retried.Disposition);
        Assert.Equal(DriveOutcome.Triggered, retried.Drive);
    }

    [Fact]
    public async Task A_count_phase_with_a_threshold_triggers_at_5_of_6()
    {
        await using var h = await CreateAsync(Counted("collect", 6, threshold: 5));
        for (var i = 0; i < 4; i++)
        {
            await h.RecordAsync("collect", $"collector/{i}", "slot-1");
        }

        Assert.Empty(h.Trigger.Calls);
        var fifth = await h.RecordAsync("collect", "collector/4", "slot-1");
        var sixth = await h.RecordAsync("collect", "collector/5", "slot-1");

        Assert.Equal(DriveOutcome.Triggered, fifth.Drive);
        Assert.Equal(DriveOutcome.AlreadyTriggered, sixth.Drive);
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task Status_lists_completed_missing_and_failed_processors()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b", "c"));
        await h.RecordAsync("phase2", "c", "k1");
        await h.RecordAsync("phase2", "a", "k1", CompletionStatus.Failed);

        var status = await h.Tally.GetStatusAsync("phase2", "k1", Ct);
        var nothing = await h.Tally.GetStatusAsync("phase2", "never", Ct);

        Assert.Equal(["c"], status!.Completed);
        Assert.Equal(["b"], status.Missing);
        Assert.Equal(["a"], status.Failed);
        Assert.Equal(2, status.MissingCount);
        Assert.False(status.Triggered);
        Assert.Equal(h.Time.GetUtcNow(), status.FirstCompletionAt);
        Assert.Equal(["a", "b", "c"], nothing!.Missing);
        Assert.Null(await h.Tally.GetStatusAsync("unknown", "k1", Ct));
    }

    [Fact]
    public async Task A_processor_outside_the_named_set_is_rejected()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));

        var result = await h.RecordAsync("phase2", "intruder", "k1");
        var badKey = await h.RecordAsync("phase2", "a", "../etc");

        Assert.Equal(ReportDisposition.Rejected, result.Disposition);
        Assert.Contains("intruder", result.Reason, StringComparison.Ordinal);
        Assert.Equal(ReportDisposition.Rejected, badKey.Disposition);
        Assert.Null(await h.Store.GetAsync("phase2", "k1", Ct));
    }

    [Fact]
    public async Task A_failing_trigger_keeps_the_claim_and_the_watchdog_finishes_it_once_after_the_lease()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        h.Trigger.FailNext(1);

        var result = await h.RecordAsync("phase2", "a", "k1");
        var early = await h.Watchdog.RunAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(61));
        var late = await h.Watchdog.RunAsync(Ct);
        var after = await h.Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.TriggerFailed, result.Drive);
        Assert.Empty(early.Redriven);
        Assert.Equal(DriveOutcome.Triggered, Assert.Single(late.Redriven).Outcome);
        Assert.Equal(0, after.Examined);
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task A_failed_trigger_is_kept_with_the_tally_counted_per_attempt_listed_by_the_watchdog_and_cleared_by_a_success()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        h.Trigger.FailNext(2);
        var firstFailure = h.Time.GetUtcNow();

        await h.RecordAsync("phase2", "a", "k1");
        var afterFirst = await h.Tally.GetStatusAsync("phase2", "k1", Ct);
        h.Time.Advance(TimeSpan.FromSeconds(61));
        var secondFailure = h.Time.GetUtcNow();
        var redriven = await h.Watchdog.RunAsync(Ct);
        var stored = await h.Store.GetAsync("phase2", "k1", Ct);
        var leaseRunning = await h.Watchdog.RunAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(61));
        var succeeded = await h.Watchdog.RunAsync(Ct);
        var afterSuccess = await h.Tally.GetStatusAsync("phase2", "k1", Ct);

        Assert.Equal(new TriggerError(firstFailure, "injected trigger failure", 1), afterFirst!.LastTriggerError);
        Assert.Equal(DriveOutcome.TriggerFailed, Assert.Single(redriven.Redriven).Outcome);
        Assert.Equal(new TriggerError(secondFailure, "injected trigger failure", 2), Assert.Single(redriven.TriggerFailing).LastTriggerError);
        Assert.Equal(new TriggerError(secondFailure, "injected trigger failure", 2), stored!.LastTriggerError);
        Assert.Equal(["k1"], leaseRunning.TriggerFailing.Select(t => t.RunKey));
        Assert.Equal(DriveOutcome.Triggered, Assert.Single(succeeded.Redriven).Outcome);
        Assert.Empty(succeeded.TriggerFailing);
        Assert.True(afterSuccess!.Triggered);
        Assert.Null(afterSuccess.LastTriggerError);
        Assert.Null((await h.Store.GetAsync("phase2", "k1", Ct))!.LastTriggerError);
    }

    [Fact]
    public async Task A_trigger_failure_on_a_triggered_or_missing_tally_is_not_written()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        await h.RecordAsync("phase2", "a", "k1");

        var onTriggered = await h.Store.RecordTriggerFailureAsync("phase2", "k1", h.Time.GetUtcNow(), "late", Ct);
        var onMissing = await h.Store.RecordTriggerFailureAsync("phase2", "never", h.Time.GetUtcNow(), "late", Ct);

        Assert.Null(onTriggered);
        Assert.Null(onMissing);
        Assert.Null((await h.Store.GetAsync("phase2", "k1", Ct))!.LastTriggerError);
        Assert.Null(await h.Store.GetAsync("phase2", "never", Ct));
    }

    [Fact]
    public async Task A_report_from_a_processor_name_close_to_a_configured_one_is_rejected_with_the_name_it_was_probably_meant_as()
    {
        await using var h = await CreateAsync(Named("phase2", "detector", "ocr"));

        var spaced = await h.RecordAsync("phase2", " ocr", "k1");
        var typo = await h.RecordAsync("phase2", "detecter", "k1");
        var unrelated = await h.RecordAsync("phase2", "thumbnails", "k1");

        Assert.Equal("unknown processor ' ocr' — did you mean 'ocr'? (phase 'phase2' expects 'detector', 'ocr')", spaced.Reason);
        Assert.Contains("did you mean 'detector'?", typo.Reason, StringComparison.Ordinal);
        Assert.Equal("unknown processor 'thumbnails' (phase 'phase2' expects 'detector', 'ocr')", unrelated.Reason);
    }

    [Fact]
    public async Task A_crash_between_claim_and_trigger_is_finished_once_by_a_redelivery_after_the_lease()
    {
        await using var h = await CreateAsync(Named("phase2", "a", "b"));
        await h.RecordAsync("phase2", "a", "k1");
        await h.Store.RecordAsync("phase2", "k1", new ProcessorCompletion("b", CompletionStatus.Succeeded, h.Time.GetUtcNow(), "m-b", null), null, Ct);
        var now = h.Time.GetUtcNow();
        Assert.True(await h.Store.TryClaimAsync("phase2", "k1", now, now.AddSeconds(60), Ct)); // the instance that claimed it dies here

        var during = await h.RecordAsync("phase2", "b", "k1", messageId: "m-b");
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var redelivered = await h.RecordAsync("phase2", "b", "k1", messageId: "m-b");
        var again = await h.RecordAsync("phase2", "b", "k1", messageId: "m-b");

        Assert.Equal(DriveOutcome.ClaimedElsewhere, during.Drive);
        Assert.Equal(DriveOutcome.Triggered, redelivered.Drive);
        Assert.Equal(DriveOutcome.AlreadyTriggered, again.Drive);
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task Each_report_keeps_its_trace_and_the_trigger_runs_in_the_completing_reports_trace_linking_the_others()
    {
        using var spans = new SpanRecorder();
        await using var h = await CreateAsync(Named("phase2", "a", "b", "c"));
        var traces = new Dictionary<string, ActivityContext>();
        foreach (var processor in new[] { "a", "b", "c" })
        {
            traces[processor] = await RecordInTraceAsync(h, processor, "k-trace");
        }

        var tally = await h.Store.GetAsync("phase2", "k-trace", Ct);

        Assert.All(traces, t => Assert.StartsWith($"00-{t.Value.TraceId}-", tally!.Completions[t.Key].TraceParent, StringComparison.Ordinal));
        var trigger = Assert.Single(spans.InTrace(traces["c"].TraceId), s => s.DisplayName == "trigger phase2");
        Assert.Equal([traces["a"].TraceId, traces["b"].TraceId], trigger.Links.Select(l => l.Context.TraceId));
    }

    [Fact]
    public async Task A_trigger_links_at_most_32_other_reports()
    {
        using var spans = new SpanRecorder();
        await using var h = await CreateAsync(Counted("phase2", 34));
        var last = default(ActivityContext);
        for (var i = 0; i < 34; i++)
        {
            last = await RecordInTraceAsync(h, $"p{i:00}", "k-links");
        }

        var trigger = Assert.Single(spans.InTrace(last.TraceId), s => s.DisplayName == "trigger phase2");

        Assert.Equal(32, trigger.Links.Count());
        Assert.DoesNotContain(trigger.Links, l => l.Context.TraceId == last.TraceId);
    }

    [Fact]
    public async Task The_watchdogs_redrive_runs_the_trigger_as_its_child_linking_every_report()
    {
        using var spans = new SpanRecorder();
        await using var h = await CreateAsync(Named("phase2", "a"));
        var report = SpanRecorder.NewRemoteContext();
        var completion = new ProcessorCompletion("a", CompletionStatus.Succeeded, h.Time.GetUtcNow(), null, null) { TraceParent = SpanRecorder.TraceParent(report) };
        await h.Store.RecordAsync("phase2", "k-redrive", completion, null, Ct);
        using var run = new Activity("watchdog run").Start();

        await h.Watchdog.RunAsync(Ct);

        var redrive = Assert.Single(spans.InTrace(run.TraceId), s => s.DisplayName == "watchdog redrive phase2");
        var trigger = Assert.Single(spans.InTrace(run.TraceId), s => s.DisplayName == "trigger phase2");
        Assert.Equal(redrive.SpanId, trigger.ParentSpanId);
        Assert.Equal([report.TraceId], trigger.Links.Select(l => l.Context.TraceId));
    }

    [Fact]
    public async Task The_trigger_that_fired_keeps_its_trace_with_the_tally()
    {
        using var spans = new SpanRecorder();
        await using var h = await CreateAsync(Named("phase2", "a", "b"));
        await RecordInTraceAsync(h, "a", "k-trigger-trace");
        var open = await h.Store.GetAsync("phase2", "k-trigger-trace", Ct);

        var completing = await RecordInTraceAsync(h, "b", "k-trigger-trace");

        var trigger = Assert.Single(spans.InTrace(completing.TraceId), s => s.DisplayName == "trigger phase2");
        var tally = await h.Store.GetAsync("phase2", "k-trigger-trace", Ct);
        Assert.Null(open!.TriggerTraceParent);
        Assert.Equal(SpanRecorder.TraceParent(trigger.Context), tally!.TriggerTraceParent);
    }

    /// <summary>Records a report inside a span of its own trace, as the intake does for a message carrying googclient_traceparent.</summary>
    private static async Task<ActivityContext> RecordInTraceAsync(TallyHarness h, string processor, string runKey)
    {
        var message = SpanRecorder.NewRemoteContext();
        using (new Activity("process").SetParentId(message.TraceId, message.SpanId, message.TraceFlags).Start())
        {
            await h.RecordAsync("phase2", processor, runKey);
        }

        return message;
    }

    [Fact]
    public async Task The_watchdog_triggers_a_complete_tally_that_was_never_claimed()
    {
        await using var h = await CreateAsync(Named("phase2", "a"));
        await h.Store.RecordAsync("phase2", "k1", new ProcessorCompletion("a", CompletionStatus.Succeeded, h.Time.GetUtcNow(), null, null), null, Ct);

        var report = await h.Watchdog.RunAsync(Ct);

        Assert.Equal(new Pax.Orchestration.Completion.Watchdog.RedriveResult("phase2", "k1", DriveOutcome.Triggered), Assert.Single(report.Redriven));
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task The_watchdog_reports_a_tally_past_its_deadline_with_the_missing_processors()
    {
        var phase = Named("phase2", "a", "b", "c");
        phase.Deadline = TimeSpan.FromHours(2);
        await using var h = await CreateAsync(phase);
        await h.RecordAsync("phase2", "a", "k1");
        await h.RecordAsync("phase2", "c", "k1", CompletionStatus.Failed);

        var before = await h.Watchdog.RunAsync(Ct);
        h.Time.Advance(TimeSpan.FromHours(2));
        var after = await h.Watchdog.RunAsync(Ct);

        Assert.Empty(before.Overdue);
        var overdue = Assert.Single(after.Overdue);
        Assert.Equal(["b"], overdue.Missing);
        Assert.Equal(["c"], overdue.Failed);
        Assert.True(overdue.Overdue);
        Assert.Empty(h.Trigger.Calls);
    }
}
