namespace Pax.Orchestration.Pulse;

/// <summary>
/// Where hourly counts are kept: one document (Firestore, per shard) or row (SQLite) per scope and hour, added to and
/// never rewritten, so a page reads the last day in one bounded query instead of scanning history.
/// </summary>
internal interface IPulseStore
{
    /// <summary>Adds <paramref name="deltas"/> to the stored counts (an upsert per scope and hour), all in one write.</summary>
    Task AddAsync(IReadOnlyList<PulseBucket> deltas, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the buckets of every scope from <paramref name="fromHour"/> on, newest first (at most <paramref name="limit"/>
    /// documents or rows, so a cut loses the oldest hours), summed per scope and hour; <c>Truncated</c> says more were stored.
    /// </summary>
    Task<(IReadOnlyList<PulseBucket> Buckets, bool Truncated)> ReadSinceAsync(DateTimeOffset fromHour, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> buckets older than <paramref name="beforeHour"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset beforeHour, int limit, CancellationToken cancellationToken);
}
