namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The due jobs of one shard, listed while this tick holds the shard's lease; settled when each was claimed or left.</summary>
internal sealed class ShardBatch(int shard, string version, DateTimeOffset claimBy, IReadOnlyList<ScheduledJob> jobs)
{
    private int _unsettled = jobs.Count;

    public int Shard => shard;

    /// <summary>Gets the lease's version, for giving it back.</summary>
    public string Version => version;

    /// <summary>Gets when claiming stops: half-way through the lease, so no claim is made near its end.</summary>
    public DateTimeOffset ClaimBy => claimBy;

    public IReadOnlyList<ScheduledJob> Jobs => jobs;

    /// <summary>Marks one job claimed or left; <see langword="true"/> for the last one (the lease can go).</summary>
    public bool Settle() => Interlocked.Decrement(ref _unsettled) == 0;
}
