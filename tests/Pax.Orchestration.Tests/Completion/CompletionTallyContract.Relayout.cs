using Pax.Orchestration.Completion;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>
/// A phase whose width crosses <see cref="CompletionLimits.MaxNarrowFanIn"/> between deployments, on each store: a run
/// key open at the redeploy keeps its reports, recognises their redeliveries and completes once.
/// </summary>
public abstract partial class CompletionTallyContract
{
    [Fact]
    public async Task A_run_key_open_when_its_phase_is_widened_past_50_completes_once_and_knows_its_earlier_reports()
    {
        var tasks = Tasks(60).ToList();
        await using var narrow = await CreateAsync(Counted("grow", 40));
        foreach (var task in tasks.Take(30))
        {
            await narrow.RecordAsync("grow", task, "k1", messageId: task);
        }

        await using var widened = narrow.Reconfigure(Counted("grow", 60));
        var redelivered = await widened.RecordAsync("grow", tasks[0], "k1", messageId: tasks[0]);
        var receipts = new List<CompletionReceipt>();
        foreach (var task in tasks.Skip(30))
        {
            receipts.Add(await widened.RecordAsync("grow", task, "k1", messageId: task));
        }

        Assert.Equal(ReportDisposition.Duplicate, redelivered.Disposition);
        Assert.All(receipts, r => Assert.Equal(ReportDisposition.Recorded, r.Disposition));
        Assert.Equal(DriveOutcome.Triggered, receipts[^1].Drive);
        Assert.Single(widened.Trigger.Calls);
        Assert.Empty(narrow.Trigger.Calls);
        var status = await widened.Tally.GetStatusAsync("grow", "k1", Ct);
        Assert.Equal((true, 60, 0, 0), (status!.Triggered, status.CompletedCount, status.FailedCount, status.MissingCount));
        var listed = await Queries(widened).ListReportsAsync("grow", "k1", 100, null, Ct);
        Assert.Equal(tasks, listed.Select(r => r.Processor));
    }

    [Fact]
    public async Task A_run_key_open_when_its_phase_is_narrowed_to_50_lists_its_processors_and_completes_once()
    {
        var tasks = Tasks(60).ToList();
        await using var wide = await CreateAsync(Counted("shrink", 60));
        foreach (var task in tasks.Take(45))
        {
            await wide.RecordAsync("shrink", task, "k1", messageId: "m-" + task);
        }

        await using var narrowed = wide.Reconfigure(Counted("shrink", CompletionLimits.MaxNarrowFanIn));
        var listed = await Queries(narrowed).ListReportsAsync("shrink", "k1", 100, null, Ct);
        var redelivered = await narrowed.RecordAsync("shrink", tasks[0], "k1", messageId: "m-" + tasks[0]);
        var receipts = new List<CompletionReceipt>();
        foreach (var task in tasks.Skip(45).Take(5))
        {
            receipts.Add(await narrowed.RecordAsync("shrink", task, "k1", messageId: "m-" + task));
        }

        Assert.Equal(tasks.Take(45), listed.Select(r => r.Processor));
        Assert.All(listed, r => Assert.Equal("m-" + r.Processor, r.MessageId));
        Assert.Equal(ReportDisposition.Duplicate, redelivered.Disposition);
        Assert.All(receipts, r => Assert.Equal(ReportDisposition.Recorded, r.Disposition));
        Assert.Equal(DriveOutcome.Triggered, receipts[^1].Drive);
        Assert.Single(narrowed.Trigger.Calls);
        var status = await narrowed.Tally.GetStatusAsync("shrink", "k1", Ct);
        Assert.Equal((true, 50, 0), (status!.Triggered, status.CompletedCount, status.MissingCount));
    }
}
