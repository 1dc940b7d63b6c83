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

    /// <summary>
    /// Searches one phase's tallies (<see cref="TallySearch"/>: run key prefix, state, time range), in the search's order,
    /// reading at most <paramref name="limit"/> tallies: each filter combination is served by one index (Firestore: the
    /// composite indexes docs/dashboard.md lists; a missing one throws <see cref="Pax.Orchestration.Stores.StoreIndexMissingException"/> naming it).
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="search">What to look for.</param>
    /// <param name="limit">The most tallies to return (1–500).</param>
    /// <param name="after">Where the previous page ended (<see cref="TallySearch.After(StoredTally)"/> of its last tally), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tallies, each with its full history of reports.</returns>
    /// <exception cref="ArgumentException">The search combines a run key prefix with a time range or the trigger-failed state.</exception>
    Task<IReadOnlyList<StoredTally>> SearchAsync(string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken);

    /// <summary>Lists the latest rejected deliveries with one reason code (<see cref="RejectedMessage.ReasonCode"/>), newest first, optionally only those meant for a phase.</summary>
    /// <param name="limit">The most deliveries to return (1–500).</param>
    /// <param name="reasonCode">The reason code: <c>envelope</c>, <c>contract</c>, <c>invalid</c> or <c>oversized</c>.</param>
    /// <param name="phase">Only deliveries meant for this phase, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected deliveries (those stored before reason codes were kept have none and are not found).</returns>
    Task<IReadOnlyList<RejectedMessage>> ListRejectedByReasonAsync(int limit, string reasonCode, string? phase, CancellationToken cancellationToken);
}
