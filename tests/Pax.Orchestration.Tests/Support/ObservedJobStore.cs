using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A decorator of a built-in store (and its shard leases, on Firestore; <see cref="ObservedSqliteJobStore"/> for SQLite's claims) that lets a test await writes (a lease renewal, a completion) instead of sleeping.</summary>
public class ObservedJobStore(IScheduledJobStore inner) : ForwardingJobStore(inner), IShardedJobStore
{
    private const string IgnoredLease = "ignored";
    private readonly SemaphoreSlim _replaced = new(0);
    private int _shardLeasesTaken;

    private IShardedJobStore Sharded => (IShardedJobStore)Inner;

    /// <summary>Gets or sets what runs after each listing of all due jobs, before the jobs are returned (a test's barrier).</summary>
    public Func<Task>? AfterList { get; set; }

    /// <summary>Gets or sets whether replaces fail as if the store were unreachable.</summary>
    public bool Unreachable { get; set; }

    /// <summary>
    /// Gets or sets whether shard leases are pretended: every shard looks free and every lease is granted, as if each
    /// tick's lease had ended under it, so ticks race for the same jobs and only the compare-and-swap keeps them apart.
    /// </summary>
    public bool IgnoreShardLeases { get; set; }

    /// <summary>Gets how many shard leases this store granted.</summary>
    public int ShardLeasesTaken => Volatile.Read(ref _shardLeasesTaken);

    /// <summary>Waits for the next successful replace (claim, renewal or completion).</summary>
    public async Task WaitForReplaceAsync()
    {
        if (!await _replaced.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken))
        {
            throw new TimeoutException("No job write within 60 s.");
        }
    }

    public override async Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var due = await Inner.ListDueAsync(now, limit, cancellationToken);
        await AfterListAsync();
        return due;
    }

    public override async Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        var replaced = await Inner.TryReplaceAsync(job, cancellationToken);
        if (replaced is not null)
        {
            _replaced.Release();
        }

        return replaced;
    }

    /// <summary>Runs <see cref="AfterList"/>, if set.</summary>
    protected Task AfterListAsync() => AfterList?.Invoke() ?? Task.CompletedTask;

    /// <summary>Counts <paramref name="count"/> successful writes for <see cref="WaitForReplaceAsync"/>.</summary>
    protected void Replaced(int count)
    {
        if (count > 0)
        {
            _replaced.Release(count);
        }
    }

    protected void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new HttpRequestException("store unreachable (test)");
        }
    }

    public Task<IReadOnlyCollection<int>> ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        IgnoreShardLeases ? Task.FromResult<IReadOnlyCollection<int>>([]) : Sharded.ListLeasedShardsAsync(now, cancellationToken);

    public async Task<string?> TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var version = IgnoreShardLeases ? IgnoredLease : await Sharded.TryLeaseShardAsync(shard, holder, now, until, cancellationToken);
        if (version is not null)
        {
            Interlocked.Increment(ref _shardLeasesTaken);
        }

        return version;
    }

    public Task ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken) =>
        version == IgnoredLease ? Task.CompletedTask : Sharded.ReleaseShardAsync(shard, version, cancellationToken);

    public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken) =>
        Sharded.ListDueAsync(now, shard, limit, cancellationToken);
}
