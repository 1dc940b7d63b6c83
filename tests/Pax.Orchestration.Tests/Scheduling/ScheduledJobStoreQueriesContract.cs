using System.Text.Json;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The dashboard's reads and delete (<see cref="IScheduledJobStoreQueries"/>), run against each store.</summary>
public abstract class ScheduledJobStoreQueriesContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<SchedulerHarness> CreateAsync();

    [Fact]
    public async Task Jobs_are_listed_by_status_in_due_order_and_paged_without_gaps_when_due_times_tie()
    {
        await using var h = await CreateAsync();
        var start = SchedulerHarness.Start;
        string[] ids = ["b", "a", "c", "d", "e"];
        for (var i = 0; i < ids.Length; i++)
        {
            // a and b share a due time; the id breaks the tie.
            await CreateAsync(h, ids[i], start.AddMinutes(i < 2 ? 5 : 10 + i), ScheduledJobStatus.Pending);
        }

        await CreateAsync(h, "done", start, ScheduledJobStatus.Completed);

        var seen = new List<string>();
        ScheduledJobCursor? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await Queries(h).ListByStatusAsync(ScheduledJobStatus.Pending, 2, after, Ct);
            if (page.Count == 0)
            {
                break;
            }

            Assert.All(page, j => Assert.Equal(ScheduledJobStatus.Pending, j.Status));
            seen.AddRange(page.Select(j => j.Id));
            after = ScheduledJobCursor.After(page[^1]);
        }

        Assert.Equal(["a", "b", "c", "d", "e"], seen);
        var completed = Assert.Single(await Queries(h).ListByStatusAsync(ScheduledJobStatus.Completed, 10, null, Ct));
        Assert.Equal("done", completed.Id);
    }

    [Fact]
    public async Task Delete_removes_the_job_only_at_the_version_that_was_read()
    {
        await using var h = await CreateAsync();
        var job = await CreateAsync(h, "j1", SchedulerHarness.Start, ScheduledJobStatus.Failed);
        var changed = await h.Store.Inner.TryReplaceAsync(job with { LastError = "again" }, Ct);

        var stale = await Queries(h).TryDeleteAsync("j1", job.Version!, Ct);
        var current = await Queries(h).TryDeleteAsync("j1", changed!.Version!, Ct);
        var gone = await Queries(h).TryDeleteAsync("j1", changed.Version!, Ct);

        Assert.False(stale);
        Assert.True(current);
        Assert.False(gone);
        Assert.Null(await h.Store.Inner.GetAsync("j1", Ct));
    }

    [Fact]
    public async Task A_running_job_is_listed_with_its_lease_holder_and_a_tick_records_who_claimed_it()
    {
        await using var h = await CreateAsync();
        var job = await CreateAsync(h, "held", SchedulerHarness.Start, ScheduledJobStatus.Pending);
        var claimed = await h.Store.Inner.TryReplaceAsync(job with { Status = ScheduledJobStatus.Running, LeaseUntil = SchedulerHarness.Start.AddMinutes(1), LeaseHolder = "rev-1/host/42" }, Ct);

        var running = Assert.Single(await Queries(h).ListByStatusAsync(ScheduledJobStatus.Running, 10, null, Ct));
        await h.AddJobAsync("ticked");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        };
        var tick = h.Scheduler.RunTickAsync(Ct);
        await started.Task.WaitAsync(Ct);
        var inTick = await h.Store.Inner.GetAsync("ticked", Ct);
        release.SetResult();
        await tick;
        var done = await h.Store.Inner.GetAsync("ticked", Ct);

        Assert.NotNull(claimed);
        Assert.Equal("rev-1/host/42", running.LeaseHolder);
        Assert.EndsWith("/" + Environment.ProcessId, inTick!.LeaseHolder, StringComparison.Ordinal);
        Assert.Null(done!.LeaseHolder);
    }

    private static IScheduledJobStoreQueries Queries(SchedulerHarness h) => Assert.IsAssignableFrom<IScheduledJobStoreQueries>(h.Store.Inner);

    private static async Task<ScheduledJob> CreateAsync(SchedulerHarness h, string id, DateTimeOffset scheduleAt, ScheduledJobStatus status)
    {
        using var payload = JsonDocument.Parse("{}");
        var job = new ScheduledJob
        {
            Id = id,
            Type = ScriptedJobHandler.Type,
            Payload = payload.RootElement.Clone(),
            ScheduleAt = scheduleAt,
            Status = status,
            LastError = status == ScheduledJobStatus.Failed ? "boom" : null,
            CreatedAt = SchedulerHarness.Start,
            UpdatedAt = SchedulerHarness.Start,
        };
        return await h.Store.Inner.TryCreateAsync(job, Ct) ?? throw new InvalidOperationException($"job {id} exists");
    }
}
