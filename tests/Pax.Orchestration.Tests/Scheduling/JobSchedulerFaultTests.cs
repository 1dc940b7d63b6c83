using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class JobSchedulerFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_the_store_fails_leaves_that_job_due_and_the_tick_goes_on()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-sched-" + Guid.NewGuid().ToString("N"));
        var handler = new ScriptedJobHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(SchedulerHarness.Start));
        services.AddSingleton<IScheduledJobStore>(sp => new FailingClaimStore(
            new Pax.Orchestration.Scheduling.Stores.SqliteScheduledJobStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulingOptions>>()), "flaky"));
        services.AddPaxScheduling(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
        });
        services.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, handler);
        services.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
        await using (var provider = services.BuildServiceProvider())
        {
            var scheduler = provider.GetRequiredService<JobScheduler>();
            foreach (var id in new[] { "flaky", "fine-1", "fine-2" })
            {
                await scheduler.TryCreateJobAsync(new ScheduledJobRequest { Id = id, Type = ScriptedJobHandler.Type }, Ct);
            }

            var result = await scheduler.RunTickAsync(Ct);

            // Two rounds: the second finds only the job whose claim failed, fails again and ends the tick; it is checked once.
            Assert.Equal((3, 2, 2), (result.JobsChecked, result.JobsClaimed, result.JobsSucceeded));
            Assert.Equal(["fine-1", "fine-2"], handler.Runs.Select(r => r.JobId).Order());
            Assert.Equal((ScheduledJobStatus.Pending, 0), ((await scheduler.GetJobAsync("flaky", Ct))!.Status, (await scheduler.GetJobAsync("flaky", Ct))!.Attempts));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_tick_that_failed_does_not_swallow_the_retry_of_its_delivery()
    {
        await using var h = SchedulerHarness.Sqlite();
        await h.AddJobAsync("waiting");
        var failures = 1;
        h.Store.AfterList = () => Interlocked.Decrement(ref failures) >= 0 ? throw new HttpRequestException("store unreachable") : Task.CompletedTask;

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", Ct));
        var retry = await h.Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", Ct);

        Assert.False(retry.DuplicateDelivery);
        Assert.Equal(1, retry.JobsSucceeded);
        Assert.True((await h.Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", Ct)).DuplicateDelivery);
    }

    private sealed class FailingClaimStore(IScheduledJobStore inner, string failingId) : ForwardingJobStore(inner)
    {
        public override Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken) =>
            job.Id == failingId ? throw new HttpRequestException("store unreachable") : Inner.TryReplaceAsync(job, cancellationToken);
    }
}
