namespace Pax.Orchestration.Completion;

/// <summary>A position in <see cref="ICompletionStoreQueries.ListRecentAsync"/>'s order: the next page starts after this tally.</summary>
/// <param name="CreatedAt">The tally's <see cref="StoredTally.CreatedAt"/>.</param>
/// <param name="RunKey">The tally's run key (breaks ties between tallies created at the same instant).</param>
public sealed record TallyCursor(DateTimeOffset CreatedAt, string RunKey)
{
    /// <summary>Returns the cursor that continues after <paramref name="tally"/>.</summary>
    /// <param name="tally">The last tally of a page.</param>
    /// <returns>The cursor.</returns>
    public static TallyCursor After(StoredTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new TallyCursor(tally.CreatedAt, tally.RunKey);
    }
}
