namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// A job store whose jobs are spread over <see cref="JobShards.Count"/> shards (<see cref="JobShards.Of"/> of the id,
/// stored with the job), each with a lease of its own: a tick (<see cref="ShardedTickRound"/>) claims a shard's jobs only
/// while it holds the shard's lease, so concurrent ticks work on different jobs instead of racing for the same earliest
/// ones (the compare-and-swap still decides, should two meet). Internal: a capability of the built-in stores, not a
/// promise every <see cref="IScheduledJobStore"/> must keep; a store without it ticks unsharded.
/// </summary>
internal interface IShardedJobStore : IScheduledJobStore
{
    /// <summary>Lists the due jobs of one shard, as <see cref="IScheduledJobStore.ListDueAsync"/> does for all.</summary>
    /// <returns>The shard's due jobs, earliest first, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the shards whose lease has not ended by <paramref name="now"/>: another tick is claiming their jobs.</summary>
    Task<IReadOnlyCollection<int>> ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the lease of <paramref name="shard"/> until <paramref name="until"/>, unless another holder's lease has not ended by <paramref name="now"/>.</summary>
    /// <returns>The lease's version (for <see cref="ReleaseShardAsync"/>), or <see langword="null"/> when another holds the shard.</returns>
    Task<string?> TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives a shard's lease back, if it is still the one taken with <paramref name="version"/> (a lease that ended and was taken by another stays theirs).</summary>
    Task ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken);
}
