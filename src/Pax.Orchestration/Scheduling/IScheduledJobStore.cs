namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Where jobs live. Every change is a compare-and-swap on <see cref="ScheduledJob.Version"/>, so a claim, a lease
/// renewal and a completion each succeed for one writer only. Implementations: <see cref="Stores.SqliteScheduledJobStore"/>
/// and <see cref="Stores.FirestoreScheduledJobStore"/>. A tick on a store of your own lists the earliest due jobs and
/// claims them one compare-and-swap at a time (concurrent ticks may race for the same jobs; one wins each); the built-in
/// stores have faster claims of their own (shard leases on Firestore, one transaction per batch on SQLite).
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

    /// <summary>Lists due jobs: pending with <see cref="ScheduledJob.ScheduleAt"/> ≤ <paramref name="now"/>, and running with <see cref="ScheduledJob.LeaseUntil"/> ≤ <paramref name="now"/>; earliest first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The most jobs to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The due jobs, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

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
