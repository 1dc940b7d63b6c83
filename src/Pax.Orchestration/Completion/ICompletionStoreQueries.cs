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

    /// <summary>Lists the latest rejected deliveries, newest first.</summary>
    /// <param name="limit">The most deliveries to return (1–500).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected deliveries.</returns>
    Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, CancellationToken cancellationToken);
}
