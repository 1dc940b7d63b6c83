namespace Pax.Orchestration.Completion;

/// <summary>
/// Bounded, paged reads over a completion store for people looking at it (the Pax dashboard), kept apart from
/// <see cref="ICompletionStore"/> so that a store implementer who does not need them is not made to write them. Both
/// built-in stores implement it; each call reads at most <c>limit</c> tallies or messages (Firestore: one read per
/// document returned, at least one per query).
/// </summary>
public interface ICompletionStoreQueries
{
    /// <summary>Lists a phase's tallies, newest first (by <see cref="StoredTally.CreatedAt"/>, then run key, both descending).</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="limit">The most tallies to return (1–500).</param>
    /// <param name="after">Where the previous page ended (<see cref="TallyCursor.After(StoredTally)"/> of its last tally), or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tallies, each with its full history of reports.</returns>
    Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken);

    /// <summary>
    /// Lists a page of one run key's reports in processor order (ordinal), so a tally of 10,000 processors is shown a page
    /// at a time: a wide tally reads only the page (Firestore: one read per report returned, at least one).
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="limit">The most reports to return (1–500).</param>
    /// <param name="afterProcessor">The last processor of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(string phase, string runKey, int limit, string? afterProcessor, CancellationToken cancellationToken);

    /// <summary>Lists the latest rejected deliveries, newest first, optionally only those meant for a phase (and run key).</summary>
    /// <param name="limit">The most deliveries to return (1–500).</param>
    /// <param name="phase">Only deliveries meant for this phase (<see cref="RejectedMessage.Phase"/>), or <see langword="null"/> for all.</param>
    /// <param name="runKey">With <paramref name="phase"/>: only deliveries that named this run key; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected deliveries.</returns>
    /// <exception cref="ArgumentException"><paramref name="runKey"/> is given without <paramref name="phase"/>.</exception>
    Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, string? phase, string? runKey, CancellationToken cancellationToken);

    /// <summary>Counts the deliveries meant for <paramref name="phase"/> that were rejected at or after <paramref name="since"/>.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="since">The start of the window.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many, at most <see cref="CompletionLimits.MaxRejectedCount"/> (a count that reaches it means "that many or more").</returns>
    Task<int> CountRejectedSinceAsync(string phase, DateTimeOffset since, CancellationToken cancellationToken);
}
