using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Pulse;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary>
/// The pulse on a real store: what the engine does is counted per scope and UTC hour, stored by the recorder in few
/// writes, and read back summed (over Firestore's shards) by one bounded query; old buckets are deleted by age.
/// </summary>
public abstract partial class PulseContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TallyHarness> CreateTallyAsync(params PhaseDefinition[] phases);

    protected abstract Task<PulseSchedulerHost> CreateSchedulerAsync();

    [Fact]
    public async Task Reports_duplicates_triggers_and_trigger_failures_are_counted_per_phase_and_hour()
    {
        await using var h = await CreateTallyAsync(TallyHarness.Named("collect", "a", "b"), TallyHarness.Counted("process", 1));
        var firstHour = PulseBucket.HourOf(h.Time.GetUtcNow());
        await h.RecordAsync("collect", "a", "k1");
        await h.RecordAsync("collect", "b", "k1");
        await h.RecordAsync("collect", "b", "k1");
        var recorder = h.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey);

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Trigger.FailNext(1);
        await h.RecordAsync("process", "p", "k2");
        await recorder.FlushAsync();

        // Read from the store alone (not this process's pending counts): what another instance's page would see.
        var (stored, _) = await recorder.Store.ReadSinceAsync(firstHour, 1000, Ct);

        var collect = Assert.Single(stored, b => b.Scope == "collect");
        Assert.Equal((firstHour, 2L, 1L, 1L, 0L), (collect.Hour, collect.Counts[(int)PulseCounter.Reports], collect.Counts[(int)PulseCounter.Duplicates], collect.Counts[(int)PulseCounter.Triggers], collect.Counts[(int)PulseCounter.TriggerFailures]));
        var process = Assert.Single(stored, b => b.Scope == "process");
        Assert.Equal((firstHour.AddHours(1), 1L, 0L, 1L), (process.Hour, process.Counts[(int)PulseCounter.Reports], process.Counts[(int)PulseCounter.Triggers], process.Counts[(int)PulseCounter.TriggerFailures]));
        Assert.Equal(2, stored.Count);
        var read = await h.Services.GetRequiredService<PulseSource>().ReadPhasesAsync(firstHour, Ct);
        Assert.Equal(3L, read.Hours.Sum(p => p.Reports));
        Assert.False(read.Truncated);
    }

    [Fact]
    public async Task A_read_cut_by_its_limit_keeps_the_newest_hour_and_says_it_was_truncated()
    {
        await using var h = await CreateTallyAsync(TallyHarness.Named("collect", "a"));
        var store = h.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey).Store;
        var now = PulseBucket.HourOf(h.Time.GetUtcNow());

        // Another orchestrator's phases in the same pax_pulse, counted yesterday: more documents or rows than the read's
        // limit ((1 phase + 4) × 32 = 160), then this hour's count of the phase configured here.
        await store.AddAsync(Enumerable.Range(0, 200).Select(i => Bucket($"other-{i:D3}", now.AddHours(-18), reports: 1)).ToList(), Ct);
        await store.AddAsync([Bucket("collect", now, reports: 5)], Ct);

        var read = await h.Services.GetRequiredService<PulseSource>().ReadPhasesAsync(now.AddHours(-23), Ct);

        Assert.True(read.Truncated);
        Assert.Equal(5L, Assert.Single(read.Hours, p => p.Scope == "collect").Reports);
        Assert.Equal(now, read.Hours.Single(p => p.Scope == "collect").Hour);
        Assert.InRange(read.Hours.Count(p => p.Scope.StartsWith("other-", StringComparison.Ordinal)), 1, 159);
    }

    [Fact]
    public async Task Counts_from_many_writes_are_summed_on_read_and_buckets_before_the_cut_are_deleted()
    {
        await using var h = await CreateTallyAsync(TallyHarness.Named("collect", "a"));
        var store = h.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey).Store;
        var day = new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            // 40 writes land on random shards (Firestore) or one row (SQLite); the read must add them all up.
            await store.AddAsync([Bucket("collect", day.AddHours(13), reports: 1), Bucket("other", day.AddHours(13), reports: 2)], Ct);
        }

        await store.AddAsync([Bucket("collect", day.AddDays(-9).AddHours(5), reports: 7)], Ct);

        var (recent, _) = await store.ReadSinceAsync(day, 1000, Ct);
        Assert.Equal([("collect", 40L), ("other", 80L)], recent.Select(b => (b.Scope, b.Counts[(int)PulseCounter.Reports])).OrderBy(b => b.Scope).ToList());

        var deleted = await store.DeleteBeforeAsync(day.AddDays(-7), 500, Ct);

        var (after, _) = await store.ReadSinceAsync(day.AddDays(-10), 1000, Ct);
        Assert.Equal(1, deleted);
        Assert.DoesNotContain(after, b => b.Hour < day);
        Assert.Equal(40L, after.Single(b => b.Scope == "collect").Counts[(int)PulseCounter.Reports]);
    }

    [Fact]
    public async Task The_scheduler_counts_jobs_run_and_failed()
    {
        await using var host = await CreateSchedulerAsync();
        await host.AddJobAsync("ok");
        await host.AddJobAsync("bad");
        host.Handler.Behavior = (context, _) => context.Job.Id == "bad" ? throw new InvalidOperationException("boom") : Task.CompletedTask;

        await host.Scheduler.RunTickAsync(Ct);
        var recorder = host.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.SchedulerKey);
        await recorder.FlushAsync();

        var bucket = Assert.Single((await recorder.Store.ReadSinceAsync(PulseBucket.HourOf(host.Time.GetUtcNow()), 100, Ct)).Buckets);
        Assert.Equal((PulseScopes.Scheduler, 2L, 1L), (bucket.Scope, bucket.Counts[(int)PulseCounter.JobsRun], bucket.Counts[(int)PulseCounter.JobsFailed]));
    }

    private static PulseBucket Bucket(string scope, DateTimeOffset hour, long reports)
    {
        var counts = PulseBucket.NoCounts();
        counts[(int)PulseCounter.Reports] = reports;
        return new PulseBucket(scope, hour, counts);
    }
}
