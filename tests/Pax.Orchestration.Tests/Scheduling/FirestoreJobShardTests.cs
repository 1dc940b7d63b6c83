using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>
/// Firestore's shard leases (<see cref="IShardedJobStore"/>): a lease's holder, a shard's listing, jobs stored before
/// shards, the claim window. (SQLite claims in transactions instead; the contract in <see cref="JobSchedulerContract"/>
/// holds for both.)
/// </summary>
public sealed class FirestoreJobShardTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shard_lease_is_held_by_one_taker_until_it_is_given_back_or_ends()
    {
        await using var h = SchedulerHarness.Firestore(await emulators.FirestoreAsync());
        var now = h.Time.GetUtcNow();
        var other = h.NewInstance().Store;

        var first = await h.Store.TryLeaseShardAsync(3, "a", now, now.AddSeconds(60), Ct);
        var meanwhile = await other.TryLeaseShardAsync(3, "b", now.AddSeconds(59), now.AddSeconds(119), Ct);
        var leased = await other.ListLeasedShardsAsync(now.AddSeconds(59), Ct);
        await h.Store.ReleaseShardAsync(3, first!, Ct);
        var afterRelease = await other.ListLeasedShardsAsync(now.AddSeconds(59), Ct);
        var second = await other.TryLeaseShardAsync(3, "b", now.AddSeconds(59), now.AddSeconds(119), Ct);
        var takenOver = await h.Store.TryLeaseShardAsync(3, "a", now.AddSeconds(120), now.AddSeconds(180), Ct); // b's lease ended
        await other.ReleaseShardAsync(3, second!, Ct); // b's late release must not free a's lease
        var stillHeld = await other.ListLeasedShardsAsync(now.AddSeconds(121), Ct);

        Assert.NotNull(first);
        Assert.Null(meanwhile);
        Assert.Equal([3], leased);
        Assert.Empty(afterRelease);
        Assert.NotNull(second);
        Assert.NotNull(takenOver);
        Assert.Equal([3], stillHeld);
    }

    [Fact]
    public async Task Listing_one_shard_returns_its_due_jobs_only()
    {
        await using var h = SchedulerHarness.Firestore(await emulators.FirestoreAsync());
        var (a, b) = IdsInTwoShards();
        await h.AddJobAsync(a[0]);
        await h.AddJobAsync(a[1], SchedulerHarness.Start.AddMinutes(5)); // not due
        await h.AddJobAsync(b[0]);

        var listed = await h.Store.ListDueAsync(h.Time.GetUtcNow(), JobShards.Of(a[0]), 10, Ct);

        Assert.Equal([a[0]], listed.Select(j => j.Id));
        Assert.Equal(JobShards.Of(a[0]), Assert.Single(listed).Shard);
    }

    [Fact]
    public async Task A_job_stored_without_a_shard_by_an_earlier_version_runs_once_and_gets_its_shard()
    {
        await using var h = SchedulerHarness.Firestore(await emulators.FirestoreAsync());
        await h.AddJobAsync("stored-before-shards");
        await h.ForgetStoredShardAsync("stored-before-shards");
        var shard = JobShards.Of("stored-before-shards");
        Assert.Null(await h.StoredShardAsync("stored-before-shards"));
        Assert.Empty(await h.Store.ListDueAsync(h.Time.GetUtcNow(), shard, 10, Ct)); // invisible to a shard's listing

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((1, 1), (result.JobsClaimed, result.JobsSucceeded));
        Assert.Equal(1, h.Handler.RunsOf("stored-before-shards"));
        Assert.Equal(shard, await h.StoredShardAsync("stored-before-shards"));
        Assert.Equal(ScheduledJobStatus.Completed, (await h.GetAsync("stored-before-shards")).Status);
    }

    [Fact]
    public async Task A_shard_whose_lease_another_tick_holds_is_left_to_it_until_the_lease_ends()
    {
        await using var h = SchedulerHarness.Firestore(await emulators.FirestoreAsync());
        await h.AddJobAsync("held");
        // Another instance took the shard's lease and died (kill -9): nobody gives it back.
        var now = h.Time.GetUtcNow();
        Assert.NotNull(await h.NewInstance().Store.TryLeaseShardAsync(JobShards.Of("held"), "dead-instance", now, now.AddSeconds(60), Ct));

        var during = await h.Scheduler.RunTickAsync(Ct);
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var after = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((0, 0, 1), (during.JobsChecked, during.JobsClaimed, during.ShardsBusy));
        Assert.Equal((1, 1, 0), (after.JobsClaimed, after.JobsSucceeded, after.ShardsBusy));
        Assert.Equal(1, h.Handler.RunsOf("held"));
    }

    [Fact]
    public async Task A_tick_claims_a_shards_jobs_only_in_the_first_half_of_the_shard_lease()
    {
        await using var h = SchedulerHarness.Firestore(await emulators.FirestoreAsync(), o =>
        {
            o.MaxConcurrency = 1;
            o.Lease = TimeSpan.FromSeconds(60);
        });
        var (same, _) = IdsInTwoShards();
        await h.AddJobAsync(same[0], SchedulerHarness.Start.AddSeconds(-2));
        await h.AddJobAsync(same[1], SchedulerHarness.Start.AddSeconds(-1));
        h.Handler.Behavior = (context, _) =>
        {
            if (context.Job.Id == same[0])
            {
                h.Time.Advance(TimeSpan.FromSeconds(31)); // past the claim window of the shard's lease taken at the start
            }

            return Task.CompletedTask;
        };

        var result = await h.Scheduler.RunTickAsync(Ct);

        // The second job was left when the window closed, the lease given back, and the next round took the shard anew.
        Assert.Equal((2, 2, 0), (result.JobsClaimed, result.JobsSucceeded, result.JobsSkippedClaimed));
        Assert.Equal(2, h.Store.ShardLeasesTaken);
        Assert.Equal([same[0], same[1]], h.Handler.Runs.Select(r => r.JobId));
    }

    /// <summary>Two ids in one shard and two in another.</summary>
    private static (string[] SameShard, string[] OtherShard) IdsInTwoShards()
    {
        var byShard = Enumerable.Range(0, 200).Select(i => $"s-{i:000}").GroupBy(JobShards.Of).Where(g => g.Count() >= 2).Take(2).ToList();
        return (byShard[0].Take(2).ToArray(), byShard[1].Take(2).ToArray());
    }
}
