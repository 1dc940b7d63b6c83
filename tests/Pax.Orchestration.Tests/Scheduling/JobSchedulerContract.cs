using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The tick scheduler's behaviour, run against each store.</summary>
public abstract partial class JobSchedulerContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<SchedulerHarness> CreateAsync(Action<SchedulingOptions>? configure = null);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_ticks_on_several_instances_execute_every_due_job_exactly_once(bool shardLeasesIgnored)
    {
        await using var h = await CreateAsync(o => o.MaxConcurrency = 8);
        var ids = Enumerable.Range(0, 60).Select(i => $"job-{i:00}").ToList();
        foreach (var id in ids)
        {
            await h.AddJobAsync(id);
        }

        var instances = Enumerable.Range(0, 4).Select(_ => h.NewInstance()).ToList();
        var listed = 0;
        var allListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var instance in instances)
        {
            // Every instance lists the same due jobs before any claims one: real contention.
            instance.Store.AfterList = () =>
            {
                if (Interlocked.Increment(ref listed) == instances.Count)
                {
                    allListed.SetResult();
                }

                return allListed.Task.WaitAsync(Ct);
            };

            // Pretending every shard is free makes the instances race for the same jobs: the compare-and-swap alone keeps each run single.
            instance.Store.IgnoreShardLeases = shardLeasesIgnored;
        }

        var results = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Scheduler.RunTickAsync(Ct), Ct)));

        Assert.All(ids, id => Assert.Equal(1, h.Handler.RunsOf(id)));
        Assert.Equal(ids.Count, results.Sum(r => r.JobsClaimed));
        if (shardLeasesIgnored && h.Store is not ObservedSqliteJobStore)
        {
            Assert.True(results.Sum(r => r.JobsSkippedClaimed) > 0, "the instances never raced for a job");
        }
        else
        {
            // Firestore: each shard's jobs are claimed by the one instance holding its lease. SQLite: each batch is found
            // and claimed in one transaction (no shards). Either way no claim is wasted on another's job.
            Assert.Equal(0, results.Sum(r => r.JobsSkippedClaimed));
        }

        Assert.Equal(ids.Count, results.Sum(r => r.JobsSucceeded));
        Assert.Equal(results.Sum(r => r.JobsExecuted), results.Sum(r => r.JobsSucceeded));
        foreach (var id in ids)
        {
            var job = await h.GetAsync(id);
            Assert.Equal((ScheduledJobStatus.Completed, 1), (job.Status, job.Attempts));
        }
    }

    [Fact]
    public async Task A_repeated_scheduler_delivery_runs_nothing_twice()
    {
        await using var h = await CreateAsync(o => o.MaxJobsPerTick = 1);
        await h.AddJobAsync("a", SchedulerHarness.Start.AddSeconds(-2));
        await h.AddJobAsync("b", SchedulerHarness.Start.AddSeconds(-1));

        var first = await h.Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", Ct);
        var again = await h.NewInstance().Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", Ct);
        var next = await h.Scheduler.RunTickAsync("tick@2026-01-05T12:01:00Z", Ct);

        Assert.Equal((1, false), (first.JobsExecuted, first.DuplicateDelivery));
        Assert.Equal((0, 0, true), (again.JobsChecked, again.JobsExecuted, again.DuplicateDelivery));
        Assert.Equal(1, next.JobsExecuted);
        Assert.Equal([1, 1], new[] { h.Handler.RunsOf("a"), h.Handler.RunsOf("b") });
    }

    [Fact]
    public async Task A_force_run_carrying_the_next_schedule_time_does_not_swallow_that_tick()
    {
        await using var h = await CreateAsync();
        var next = SchedulerHarness.Start.AddMinutes(1);
        await h.AddJobAsync("due-before-the-next-tick", SchedulerHarness.Start.AddSeconds(30));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        // `gcloud scheduler jobs run` at 12:00:10 may carry the next scheduled time, 12:01:00, in X-CloudScheduler-ScheduleTime.
        var forced = await h.Scheduler.RunTickAsync("tick@2026-01-05T12:01:00Z", next, Ct);
        h.Time.Advance(TimeSpan.FromSeconds(50));
        var real = await h.Scheduler.RunTickAsync("tick@2026-01-05T12:01:00Z", next, Ct);
        var retry = await h.NewInstance().Scheduler.RunTickAsync("tick@2026-01-05T12:01:00Z", next, Ct);

        Assert.Equal((false, true, 0), (forced.DuplicateDelivery, forced.AheadOfSchedule, forced.JobsExecuted));
        Assert.Equal((false, false, 1), (real.DuplicateDelivery, real.AheadOfSchedule, real.JobsExecuted));
        Assert.True(retry.DuplicateDelivery);
        Assert.Equal(1, h.Handler.RunsOf("due-before-the-next-tick"));
    }

    [Fact]
    public async Task A_repeat_of_a_delivery_handled_at_or_after_its_schedule_time_runs_nothing_even_while_the_first_runs()
    {
        await using var h = await CreateAsync();
        await h.AddJobAsync("a", SchedulerHarness.Start.AddSeconds(-1));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Handler.Behavior = async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        };

        var first = h.Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", SchedulerHarness.Start, Ct);
        await started.Task;
        var repeat = await h.NewInstance().Scheduler.RunTickAsync("tick@2026-01-05T12:00:00Z", SchedulerHarness.Start, Ct);
        release.TrySetResult();

        Assert.True(repeat.DuplicateDelivery);
        Assert.Equal(1, (await first).JobsSucceeded);
    }

    [Theory]
    [InlineData(MisfirePolicy.RunOnce, 1)]
    [InlineData(MisfirePolicy.RunAll, 6)]
    [InlineData(MisfirePolicy.Skip, 0)]
    public async Task A_recurring_job_after_a_gap_follows_its_misfire_policy(MisfirePolicy policy, int expectedRuns)
    {
        await using var h = await CreateAsync();
        await h.AddJobAsync("every-minute", SchedulerHarness.Start, cron: "* * * * *", misfire: policy);
        h.Time.Advance(TimeSpan.FromMinutes(5.5)); // occurrences 12:00 … 12:05 are due; nothing ticked

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal(expectedRuns, result.JobsExecuted);
        Assert.Equal(policy == MisfirePolicy.Skip ? 1 : 0, result.JobsMisfireSkipped);
        var expected = policy == MisfirePolicy.RunAll
            ? Enumerable.Range(0, 6).Select(m => SchedulerHarness.Start.AddMinutes(m)).ToList()
            : policy == MisfirePolicy.RunOnce ? [SchedulerHarness.Start] : [];
        Assert.Equal(expected, h.Handler.Runs.Select(r => r.ScheduledFor).ToList());
        var job = await h.GetAsync("every-minute");
        Assert.Equal((ScheduledJobStatus.Pending, SchedulerHarness.Start.AddMinutes(6), 0), (job.Status, job.ScheduleAt, job.Attempts));
    }

    [Fact]
    public async Task A_poison_job_is_failed_after_max_attempts_with_its_error_kept()
    {
        await using var h = await CreateAsync();
        await h.AddJobAsync("poison", maxAttempts: 3);
        h.Handler.Behavior = (context, _) => throw new InvalidOperationException($"boom on attempt {context.Attempt}");

        var retries = new List<DateTimeOffset>();
        for (var tick = 0; tick < 3; tick++)
        {
            Assert.Equal(1, (await h.Scheduler.RunTickAsync(Ct)).JobsFailed);
            retries.Add((await h.GetAsync("poison")).ScheduleAt - TimeSpan.Zero);
            h.Time.Advance(TimeSpan.FromMinutes(2)); // past the longest backoff (1 min)
        }

        var afterwards = await h.Scheduler.RunTickAsync(Ct);
        var job = await h.GetAsync("poison");
        Assert.Equal((ScheduledJobStatus.Failed, 3), (job.Status, job.Attempts));
        Assert.Equal("InvalidOperationException: boom on attempt 3", job.LastError);
        Assert.Equal(0, afterwards.JobsExecuted);
        Assert.Equal(3, h.Handler.RunsOf("poison"));
        // Backoff after attempts 1 and 2: 10 s then 20 s base, with half of it random.
        var firstDelay = retries[0] - SchedulerHarness.Start;
        var secondDelay = retries[1] - SchedulerHarness.Start.AddMinutes(2);
        Assert.InRange(firstDelay, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.InRange(secondDelay, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("0 9 * * *", "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z")] // spring forward: 09:00 EST, then 09:00 EDT
    [InlineData("0 9 * * *", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z")] // fall back: 09:00 EDT, then 09:00 EST
    [InlineData("30 2 * * *", "2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z")] // 02:30 does not exist on 8 March: 03:00 EDT
    [InlineData("30 1 * * *", "2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z")] // 01:30 happens twice on 1 November: the first
    public async Task A_recurring_job_moves_to_its_next_occurrence_in_its_time_zone_across_dst(string cron, string occurrence, string next)
    {
        await using var h = await CreateAsync();
        var at = DateTimeOffset.Parse(occurrence, System.Globalization.CultureInfo.InvariantCulture);
        h.Time.SetUtcNow(at);
        await h.AddJobAsync("daily", at, cron: cron, timeZone: "America/New_York");

        Assert.Equal(1, (await h.Scheduler.RunTickAsync(Ct)).JobsSucceeded);

        var job = await h.GetAsync("daily");
        Assert.Equal(ScheduledJobStatus.Pending, job.Status);
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), job.ScheduleAt);
    }

    [Fact]
    public async Task A_tick_claims_nothing_after_its_time_budget()
    {
        await using var h = await CreateAsync(o =>
        {
            o.MaxConcurrency = 1;
            o.TickBudget = TimeSpan.FromSeconds(2.5);
        });
        for (var i = 0; i < 5; i++)
        {
            await h.AddJobAsync($"j{i}", SchedulerHarness.Start.AddSeconds(i - 10));
        }

        h.Handler.Behavior = (_, _) =>
        {
            h.Time.Advance(TimeSpan.FromSeconds(1)); // each job takes a second
            return Task.CompletedTask;
        };

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((3, 3), (result.JobsClaimed, result.JobsExecuted));
        Assert.Equal(3, h.Handler.Runs.Select(r => r.JobId).Distinct().Count());
        Assert.Equal("j0", h.Handler.Runs.First().JobId); // the earliest due job's shard goes first, its jobs earliest first
        foreach (var left in new[] { "j0", "j1", "j2", "j3", "j4" }.Except(h.Handler.Runs.Select(r => r.JobId)))
        {
            Assert.Equal((ScheduledJobStatus.Pending, 0), ((await h.GetAsync(left)).Status, (await h.GetAsync(left)).Attempts));
        }
    }

    [Fact]
    public async Task Creating_a_job_twice_with_one_id_keeps_the_first()
    {
        await using var h = await CreateAsync();
        var first = await h.AddJobAsync("once", SchedulerHarness.Start.AddHours(1));

        var second = await h.Scheduler.TryCreateJobAsync(new ScheduledJobRequest { Id = "once", Type = ScriptedJobHandler.Type }, Ct);

        Assert.Null(second);
        Assert.Equal(first.ScheduleAt, (await h.GetAsync("once")).ScheduleAt);
    }

    [Fact]
    public async Task Every_attempt_of_an_occurrence_carries_its_time_and_idempotency_key()
    {
        await using var h = await CreateAsync();
        await h.AddJobAsync("every-hour", SchedulerHarness.Start, cron: "0 * * * *", maxAttempts: 3);
        var keys = new List<string>();
        h.Handler.Behavior = (context, _) =>
        {
            keys.Add(context.IdempotencyKey);
            return context.Attempt == 1 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask;
        };

        await h.Scheduler.RunTickAsync(Ct);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal([SchedulerHarness.Start, SchedulerHarness.Start], h.Handler.Runs.Select(r => r.ScheduledFor));
        Assert.Equal(["every-hour@2026-01-05T12:00:00Z", "every-hour@2026-01-05T12:00:00Z"], keys);
        var job = await h.GetAsync("every-hour");
        Assert.Equal((ScheduledJobStatus.Pending, SchedulerHarness.Start.AddHours(1), (DateTimeOffset?)null, 0), (job.Status, job.ScheduleAt, job.OccurrenceAt, job.Attempts));
    }
}
