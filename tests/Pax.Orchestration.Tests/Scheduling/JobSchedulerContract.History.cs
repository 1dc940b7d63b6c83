using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The contract's history cases: each run's outcome is kept in the job, newest first, bounded by count and age.</summary>
public abstract partial class JobSchedulerContract
{
    [Fact]
    public async Task A_recurring_job_keeps_its_last_outcomes_with_time_duration_result_and_error()
    {
        await using var h = await CreateAsync(o => o.History.MaxOutcomes = 2);
        await h.AddJobAsync("hourly", cron: "0 * * * *", maxAttempts: 1);
        var run = 0;
        h.Handler.Behavior = (_, _) =>
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(1500));
            return ++run == 2 ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        };

        var ends = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(TimeSpan.FromHours(1));
            await h.Scheduler.RunTickAsync(Ct);
            ends.Add(h.Time.GetUtcNow());
        }

        var job = await h.GetAsync("hourly");

        // Three runs, two kept (MaxOutcomes = 2), newest first.
        Assert.Equal(
            [
                new JobOutcome(ends[2], TimeSpan.FromMilliseconds(1500), JobOutcomeResult.Succeeded, null, 1),
                new JobOutcome(ends[1], TimeSpan.FromMilliseconds(1500), JobOutcomeResult.Failed, "InvalidOperationException: boom", 1),
            ],
            job.History);
        Assert.Equal(ScheduledJobStatus.Pending, job.Status);
    }

    [Fact]
    public async Task Outcomes_older_than_the_retention_age_are_dropped_but_the_newest_is_kept()
    {
        await using var h = await CreateAsync(o => o.History.MaxAge = TimeSpan.FromDays(1));
        await h.AddJobAsync("daily", cron: "0 6 * * *");
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Scheduler.RunTickAsync(Ct);
        var first = (await h.GetAsync("daily")).History;

        // Three days pass unseen: the one outcome is older than a day, yet still the job's last.
        h.Time.Advance(TimeSpan.FromDays(3));
        var stale = (await h.GetAsync("daily")).History;
        await h.Scheduler.RunTickAsync(Ct);
        var after = (await h.GetAsync("daily")).History;

        Assert.Single(first);
        Assert.Equal(first, stale);
        Assert.Equal(h.Time.GetUtcNow(), Assert.Single(after).At);
    }
}
