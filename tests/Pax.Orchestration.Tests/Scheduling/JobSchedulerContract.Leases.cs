using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The contract's lease and interruption cases: expiry, renewal, lost claims, budget cancellation.</summary>
public abstract partial class JobSchedulerContract
{
    [Fact]
    public async Task A_job_whose_lease_expired_is_reclaimed_and_executed_once_more_with_attempts_incremented()
    {
        await using var h = await CreateAsync(o => o.Lease = TimeSpan.FromSeconds(30));
        await h.AddJobAsync("orphan");
        // An instance claimed it and died: the job is running with a lease nobody renews.
        var due = Assert.Single(await h.Store.ListDueAsync(h.Time.GetUtcNow(), 10, Ct));
        Assert.NotNull(await h.Store.TryReplaceAsync(due with { Status = ScheduledJobStatus.Running, LeaseUntil = h.Time.GetUtcNow().AddSeconds(30), Attempts = 1 }, Ct));

        var during = await h.Scheduler.RunTickAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(31));
        var after = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((0, 0), (during.JobsChecked, during.JobsExecuted));
        Assert.Equal((1, 1, 1), (after.JobsClaimed, after.JobsExecuted, after.JobsSucceeded));
        Assert.Equal(1, h.Handler.RunsOf("orphan"));
        var job = await h.GetAsync("orphan");
        Assert.Equal((ScheduledJobStatus.Completed, 2), (job.Status, job.Attempts));
        Assert.Equal(2, Assert.Single(h.Handler.Runs).Attempt);
    }

    [Fact]
    public async Task A_handler_running_past_its_first_lease_renews_it_and_is_not_taken_over()
    {
        await using var h = await CreateAsync(o => o.Lease = TimeSpan.FromSeconds(30));
        await h.AddJobAsync("long");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken handlerToken = default;
        h.Handler.Behavior = async (_, token) =>
        {
            handlerToken = token;
            started.SetResult();
            await release.Task;
        };

        var first = Task.Run(() => h.Scheduler.RunTickAsync(Ct), Ct);
        await started.Task.WaitAsync(Ct);
        await h.Store.WaitForReplaceAsync(); // the claim
        for (var step = 0; step < 4; step++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10)); // a renewal is due every third of the lease
            await h.Store.WaitForReplaceAsync();
        }

        var other = await h.NewInstance().Scheduler.RunTickAsync(Ct); // 40 s in: past the first lease
        release.SetResult();
        var result = await first;

        Assert.Equal((0, 0), (other.JobsClaimed, other.JobsExecuted));
        Assert.False(handlerToken.IsCancellationRequested);
        Assert.Equal((1, 1), (result.JobsExecuted, result.JobsSucceeded));
        Assert.Equal(1, h.Handler.RunsOf("long"));
        Assert.Equal(ScheduledJobStatus.Completed, (await h.GetAsync("long")).Status);
    }

    [Fact]
    public async Task A_handler_still_running_at_the_end_of_the_budget_is_cancelled_and_its_job_released()
    {
        await using var h = await CreateAsync(o => o.TickBudget = TimeSpan.FromSeconds(5));
        await h.AddJobAsync("slow");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        };

        var tick = Task.Run(() => h.Scheduler.RunTickAsync(Ct), Ct);
        await started.Task.WaitAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await tick;

        Assert.Equal((1, 0, 1), (result.JobsExecuted, result.JobsSucceeded, result.JobsFailed));
        var job = await h.GetAsync("slow");
        Assert.Equal((ScheduledJobStatus.Pending, 1, SchedulerHarness.Start.AddSeconds(5), SchedulerHarness.Start), (job.Status, job.Attempts, job.ScheduleAt, job.OccurrenceAt));
        Assert.StartsWith("interrupted: ", job.LastError, StringComparison.Ordinal);
        Assert.Null(job.LeaseUntil);
    }

    [Fact]
    public async Task The_final_attempt_dying_marks_the_job_failed_without_running_it_again()
    {
        await using var h = await CreateAsync(o => o.Lease = TimeSpan.FromSeconds(30));
        await h.AddJobAsync("crasher", maxAttempts: 2);
        var due = Assert.Single(await h.Store.ListDueAsync(h.Time.GetUtcNow(), 10, Ct));
        Assert.NotNull(await h.Store.TryReplaceAsync(due with { Status = ScheduledJobStatus.Running, LeaseUntil = h.Time.GetUtcNow().AddSeconds(30), Attempts = 2 }, Ct));
        h.Time.Advance(TimeSpan.FromSeconds(31));

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((1, 0, 1), (result.JobsClaimed, result.JobsExecuted, result.JobsFailed));
        var job = await h.GetAsync("crasher");
        Assert.Equal((ScheduledJobStatus.Failed, 2), (job.Status, job.Attempts));
        Assert.Contains("lease expired", job.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_whose_job_another_writer_took_is_cancelled_and_its_outcome_not_recorded()
    {
        await using var h = await CreateAsync(o => o.Lease = TimeSpan.FromSeconds(30));
        await h.AddJobAsync("contested");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        };

        var tick = Task.Run(() => h.Scheduler.RunTickAsync(Ct), Ct);
        await started.Task.WaitAsync(Ct);
        await h.Store.WaitForReplaceAsync(); // the claim
        var claimed = await h.GetAsync("contested");
        var taken = await h.Store.TryReplaceAsync(claimed with { LeaseUntil = claimed.LeaseUntil!.Value.AddHours(1), LastError = "taken by an operator" }, Ct);
        await h.Store.WaitForReplaceAsync(); // the write above
        h.Time.Advance(TimeSpan.FromSeconds(10)); // the renewal finds another version
        var result = await tick;

        Assert.NotNull(taken);
        Assert.Equal((1, 0, 1), (result.JobsExecuted, result.JobsSucceeded, result.JobsFailed));
        var job = await h.GetAsync("contested");
        Assert.Equal((ScheduledJobStatus.Running, "taken by an operator"), (job.Status, job.LastError));
    }

    [Fact]
    public async Task A_handler_interrupted_on_its_last_attempt_ends_failed_instead_of_looping()
    {
        await using var h = await CreateAsync(o => o.TickBudget = TimeSpan.FromSeconds(5));
        await h.AddJobAsync("too-slow", maxAttempts: 1);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        };

        var tick = Task.Run(() => h.Scheduler.RunTickAsync(Ct), Ct);
        await started.Task.WaitAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await tick;
        var next = await h.Scheduler.RunTickAsync(Ct);

        var job = await h.GetAsync("too-slow");
        Assert.Equal((ScheduledJobStatus.Failed, 1), (job.Status, job.Attempts));
        Assert.StartsWith("interrupted: ", job.LastError, StringComparison.Ordinal);
        Assert.Equal(0, next.JobsExecuted);
    }

    [Fact]
    public async Task A_handler_that_finishes_after_renewals_failed_still_records_its_outcome_once()
    {
        await using var h = await CreateAsync(o => o.Lease = TimeSpan.FromSeconds(30));
        await h.AddJobAsync("patient");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenFired = false;
        h.Handler.Behavior = async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                tokenFired = true;
            }

            h.Store.Unreachable = false; // the store is back; the handler finishes its work regardless
        };

        var tick = Task.Run(() => h.Scheduler.RunTickAsync(Ct), Ct);
        await started.Task.WaitAsync(Ct);
        await h.Store.WaitForReplaceAsync(); // the claim
        h.Store.Unreachable = true;
        h.Time.Advance(TimeSpan.FromSeconds(25)); // renewals fail; the handler's token fires a quarter-lease before the end
        var result = await tick;

        Assert.True(tokenFired);
        Assert.Equal((1, 1), (result.JobsExecuted, result.JobsSucceeded));
        Assert.Equal((ScheduledJobStatus.Completed, 1), ((await h.GetAsync("patient")).Status, (await h.GetAsync("patient")).Attempts));
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await h.Scheduler.RunTickAsync(Ct)).JobsExecuted);
    }
}
