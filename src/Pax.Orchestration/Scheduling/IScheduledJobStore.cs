namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Where jobs live. Every change is a compare-and-swap on <see cref="ScheduledJob.Version"/>, so a claim, a lease
/// renewal and a completion each succeed for one writer only. Jobs are spread over shards
/// (<see cref="ScheduledJob.Shard"/>), each with a lease of its own: a tick claims a shard's jobs only while it holds
/// the shard's lease, so concurrent ticks work on different jobs and their claims are not wasted on each other (the
/// compare-and-swap still decides, should two meet). Implementations: <see cref="Stores.SqliteScheduledJobStore"/> and
/// <see cref="Stores.FirestoreScheduledJobStore"/>.
/// </summary>
public interface IScheduledJobStore
{
    /// <summary>Stores a new job.</summary>
    /// <param name="job">The job (its <see cref="ScheduledJob.Version"/> is ignored).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored job with its version, or <see langword="null"/> when a job with that id exists.</returns>
    Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Reads a job.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Lists due jobs: pending with <see cref="ScheduledJob.ScheduleAt"/> ≤ <paramref name="now"/>, and running with
    /// <see cref="ScheduledJob.LeaseUntil"/> ≤ <paramref name="now"/>; earliest first. Each job returned is stored with
    /// its shard, so that <see cref="ListDueAsync(DateTimeOffset, int, int, CancellationToken)"/> finds it: a job stored
    /// without one (by a version before shards) gets it here.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The most jobs to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The due jobs, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the due jobs of one shard (<see cref="ScheduledJob.Shard"/> = <paramref name="shard"/>), as <see cref="ListDueAsync(DateTimeOffset, int, CancellationToken)"/> does for all.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="shard">The shard, 0–15.</param>
    /// <param name="limit">The most jobs to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The shard's due jobs, earliest first, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the shards whose lease has not ended by <paramref name="now"/>: another tick is claiming their jobs.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leased shards.</returns>
    Task<IReadOnlyCollection<int>> ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the lease of <paramref name="shard"/> until <paramref name="until"/>, unless another holder's lease has not ended by <paramref name="now"/>.</summary>
    /// <param name="shard">The shard, 0–15.</param>
    /// <param name="holder">Who takes it (the instance, as in <see cref="ScheduledJob.LeaseHolder"/>).</param>
    /// <param name="now">The current time.</param>
    /// <param name="until">When the lease ends unless released earlier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease's version (for <see cref="ReleaseShardAsync"/>), or <see langword="null"/> when another holds the shard.</returns>
    Task<string?> TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives a shard's lease back, if it is still the one taken with <paramref name="version"/> (a lease that ended and was taken by another stays theirs).</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="version">The version <see cref="TryLeaseShardAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the lease is released (or was not ours any more).</returns>
    Task ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken);

    /// <summary>Replaces a job if it is unchanged since <paramref name="job"/>'s <see cref="ScheduledJob.Version"/> was read.</summary>
    /// <param name="job">The new state, carrying the version it was derived from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored job with its new version, or <see langword="null"/> when another writer changed it first (or it is gone).</returns>
    Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Records that a tick delivery was handled, once: Cloud Scheduler delivers at least once.</summary>
    /// <param name="deliveryKey">The delivery's key (the scheduler job and its <c>X-CloudScheduler-ScheduleTime</c>).</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> the first time; <see langword="false"/> for a repeated delivery.</returns>
    Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a recorded tick delivery, so a retry of a tick that failed runs (records older than 7 days may be dropped anyway).</summary>
    /// <param name="deliveryKey">The delivery's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is gone.</returns>
    Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken);
}
