using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class SqliteJobSchedulerTests : JobSchedulerContract
{
    protected override Task<SchedulerHarness> CreateAsync(Action<SchedulingOptions>? configure = null) => Task.FromResult(SchedulerHarness.Sqlite(configure));

    [Fact]
    public async Task A_long_job_does_not_hold_up_the_claims_of_the_next_jobs()
    {
        await using var h = await CreateAsync(o => o.MaxConcurrency = 2);
        await h.AddJobAsync("long", SchedulerHarness.Start.AddSeconds(-3));
        await h.AddJobAsync("short", SchedulerHarness.Start.AddSeconds(-2));
        await h.AddJobAsync("next", SchedulerHarness.Start.AddSeconds(-1));
        var nextRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (context, ct) =>
        {
            switch (context.Job.Id)
            {
                case "long":
                    // Finishes only once "next" ran: a round waiting for this job's batch to end would never claim it.
                    await nextRan.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                    break;
                case "next":
                    nextRan.SetResult();
                    break;
            }
        };

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((3, 3, 0), (result.JobsClaimed, result.JobsSucceeded, result.JobsSkippedClaimed));
    }
}
