namespace Pax.Orchestration.Completion;

/// <summary>
/// What <see cref="ICompletionStoreQueries.SearchAsync"/> looks for among one phase's tallies. Without a prefix the
/// tallies come newest first by <see cref="StoredTally.CreatedAt"/> (<see cref="TallySearchState.TriggerFailed"/>: by the
/// last failed attempt), ranged by <see cref="From"/> and <see cref="Until"/>; with <see cref="RunKeyPrefix"/> they come
/// by run key, descending, and a time range is refused (Firestore serves one range per query from an index).
/// </summary>
public sealed class TallySearch
{
    private const int MaxPrefixLength = 500;

    /// <summary>Gets only run keys that start with this text (1–500 characters), or <see langword="null"/> for all.</summary>
    public string? RunKeyPrefix { get; init; }

    /// <summary>Gets which states to keep; <see cref="TallySearchState.Any"/> by default.</summary>
    public TallySearchState State { get; init; }

    /// <summary>Gets the earliest first report (or, for <see cref="TallySearchState.TriggerFailed"/>, failed attempt) to keep, inclusive; <see langword="null"/> for no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the end of the time range, exclusive; <see langword="null"/> for no bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Returns the cursor that continues this search after <paramref name="tally"/> (the last tally of a page).</summary>
    /// <param name="tally">The last tally of a page.</param>
    /// <returns>The cursor: the tally's sort time (its creation, or its last failed attempt) and run key.</returns>
    public TallyCursor After(StoredTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return RunKeyPrefix is not null ? new TallyCursor(DateTimeOffset.MinValue, tally.RunKey)
            : State == TallySearchState.TriggerFailed ? new TallyCursor(tally.LastTriggerError?.At ?? tally.CreatedAt, tally.RunKey)
            : TallyCursor.After(tally);
    }

    /// <summary>Throws when the search cannot be served from one index: a prefix with a time range, or an empty or over-long prefix.</summary>
    internal void Validate()
    {
        if (RunKeyPrefix is { } prefix && (prefix.Length is 0 or > MaxPrefixLength))
        {
            throw new ArgumentException($"A run key prefix holds 1 to {MaxPrefixLength} characters.", nameof(RunKeyPrefix));
        }

        if (RunKeyPrefix is not null && (From is not null || Until is not null || State == TallySearchState.TriggerFailed))
        {
            throw new ArgumentException("A run key prefix cannot be combined with a time range or the trigger-failed state.", nameof(RunKeyPrefix));
        }
    }
}
