namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Bounded, paged reads and the operator's delete over a job store (the Pax dashboard), kept apart from
/// <see cref="IScheduledJobStore"/> so that a store implementer who does not need them is not made to write them. Both
/// built-in stores implement it; a list call reads at most <c>limit</c> jobs (Firestore: one read per document
/// returned, at least one per query; the query uses the (<c>status</c>, <c>schedule_at</c>) composite index the tick already needs).
/// </summary>
public interface IScheduledJobStoreQueries
{
    /// <summary>Lists the jobs in one status, by <see cref="ScheduledJob.ScheduleAt"/> then id, ascending.</summary>
    /// <param name="status">The status.</param>
    /// <param name="limit">The most jobs to return (1–500).</param>
    /// <param name="after">Where the previous page ended (<see cref="ScheduledJobCursor.After(ScheduledJob)"/> of its last job), or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> ListByStatusAsync(ScheduledJobStatus status, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken);

    /// <summary>Deletes a job if it is unchanged since <paramref name="version"/> was read.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="version">The version read (<see cref="ScheduledJob.Version"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it was deleted; <see langword="false"/> when it changed since or is gone.</returns>
    Task<bool> TryDeleteAsync(string id, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the jobs <paramref name="search"/> describes (a status, optionally a type and a due-time range), by
    /// <see cref="ScheduledJob.ScheduleAt"/> then id, reading at most <paramref name="limit"/> jobs (Firestore: with a type,
    /// the (<c>status</c>, <c>type</c>, <c>schedule_at</c>) composite index; a missing one throws
    /// <see cref="Pax.Orchestration.Stores.StoreIndexMissingException"/> naming it).
    /// </summary>
    /// <param name="search">What to look for.</param>
    /// <param name="limit">The most jobs to return (1–500).</param>
    /// <param name="after">Where the previous page ended (<see cref="ScheduledJobCursor.After(ScheduledJob)"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs, each with its version.</returns>
    Task<IReadOnlyList<ScheduledJob>> SearchAsync(ScheduledJobSearch search, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken);
}
