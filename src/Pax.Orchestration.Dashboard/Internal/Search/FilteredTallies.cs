using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// One page of a phase's tallies under a <see cref="TallyFilter"/>, read with one bounded store call: an exact run key
/// is one read (<see cref="ICompletionStore.GetAsync"/>), listed only when it also meets the other filters (the
/// search's state, prefix and time range, <see cref="Matches"/>); anything else one <see cref="ICompletionStoreQueries.SearchAsync"/>.
/// <c>overdue</c> is the watchdog's rule on the server: not triggered and first reported before now minus the phase's
/// deadline (a complete tally still claimed is then dropped from the page by the same evaluation the row shows);
/// <c>nobody-reported</c> reads no tally at all (those rows come from the phase's expected run keys).
/// </summary>
internal static class FilteredTallies
{
    public static async Task<(IReadOnlyList<StoredTally> Tallies, string? Next)> ReadAsync(
        ICompletionStore store, ICompletionStoreQueries queries, PhaseDefinition phase, TallyFilter filter, int pageSize, TallyCursor? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ToSearch(phase, filter, now) is not { } search)
        {
            return ([], null);
        }

        if (filter.RunKey is { } runKey)
        {
            var tally = after is null ? await store.GetAsync(phase.Name, runKey, cancellationToken).ConfigureAwait(false) : null;
            return (tally is not null && Matches(search, tally) && (filter.State != "overdue" || PhaseStatusReader.Evaluate(phase, tally, runKey, now).Overdue) ? [tally] : [], null);
        }

        var tallies = await queries.SearchAsync(phase.Name, search, pageSize, after, cancellationToken).ConfigureAwait(false);
        var next = tallies.Count == pageSize ? search.After(tallies[^1]) : null;
        if (filter.State == "overdue")
        {
            tallies = tallies.Where(t => PhaseStatusReader.Evaluate(phase, t, t.RunKey, now).Overdue).ToList();
        }

        return (tallies, next is null ? null : DashboardPaging.Encode(next.CreatedAt, next.RunKey));
    }

    /// <summary>
    /// Whether <paramref name="tally"/> is one <paramref name="search"/> would return: the stores' state conditions
    /// (SqliteTallySearch.StateCondition, FirestoreTallySearch.Build), the prefix, and the range on the field the search
    /// ranges on (the first report; for trigger-failed the last failed attempt, which must exist).
    /// </summary>
    private static bool Matches(TallySearch search, StoredTally tally)
    {
        var at = search.State == TallySearchState.TriggerFailed ? tally.LastTriggerError?.At : tally.CreatedAt;
        var state = search.State switch
        {
            TallySearchState.Open => tally.State == TallyTriggerState.Open,
            TallySearchState.Claimed => tally.State == TallyTriggerState.Claimed,
            TallySearchState.Triggered => tally.State == TallyTriggerState.Triggered,
            TallySearchState.Untriggered => tally.State != TallyTriggerState.Triggered,
            _ => true,
        };
        return state && at is { } time
            && (search.RunKeyPrefix is null || tally.RunKey.StartsWith(search.RunKeyPrefix, StringComparison.Ordinal))
            && (search.From is null || time >= search.From) && (search.Until is null || time < search.Until);
    }

    /// <summary>The store search for the filter, or <see langword="null"/> when no tally can match (nobody reported; overdue without a deadline or before it could pass).</summary>
    private static TallySearch? ToSearch(PhaseDefinition phase, TallyFilter filter, DateTimeOffset now)
    {
        var until = filter.Until;
        if (filter.State == "overdue")
        {
            if (phase.Deadline is not { } deadline)
            {
                return null;
            }

            until = until is { } u && u < now - deadline ? u : now - deadline;
        }

        if (filter.State == "nobody-reported" || (filter.From is { } from && until is { } end && from >= end))
        {
            return null;
        }

        return new TallySearch
        {
            RunKeyPrefix = filter.Prefix,
            From = filter.From,
            Until = until,
            State = filter.State switch
            {
                "open" => TallySearchState.Open,
                "claimed" => TallySearchState.Claimed,
                "triggered" => TallySearchState.Triggered,
                "trigger-failed" => TallySearchState.TriggerFailed,
                "overdue" => TallySearchState.Untriggered,
                _ => TallySearchState.Any,
            },
        };
    }
}
