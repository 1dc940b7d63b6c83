using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// One page of a phase's tallies under a <see cref="TallyFilter"/>, read with one bounded store call: an exact run key
/// is one read (<see cref="ICompletionStore.GetAsync"/>); anything else one <see cref="ICompletionStoreQueries.SearchAsync"/>.
/// <c>overdue</c> is the watchdog's rule on the server: not triggered and first reported before now minus the phase's
/// deadline (a complete tally still claimed is then dropped from the page by the same evaluation the row shows);
/// <c>nobody-reported</c> reads no tally at all (those rows come from the phase's expected run keys).
/// </summary>
internal static class FilteredTallies
{
    public static async Task<(IReadOnlyList<StoredTally> Tallies, string? Next)> ReadAsync(
        ICompletionStore store, ICompletionStoreQueries queries, PhaseDefinition phase, TallyFilter filter, int pageSize, TallyCursor? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter.RunKey is { } runKey)
        {
            var tally = after is null ? await store.GetAsync(phase.Name, runKey, cancellationToken).ConfigureAwait(false) : null;
            return (tally is null ? [] : [tally], null);
        }

        if (ToSearch(phase, filter, now) is not { } search)
        {
            return ([], null);
        }

        var tallies = await queries.SearchAsync(phase.Name, search, pageSize, after, cancellationToken).ConfigureAwait(false);
        var next = tallies.Count == pageSize ? search.After(tallies[^1]) : null;
        if (filter.State == "overdue")
        {
            tallies = tallies.Where(t => PhaseStatusReader.Evaluate(phase, t, t.RunKey, now).Overdue).ToList();
        }

        return (tallies, next is null ? null : DashboardPaging.Encode(next.CreatedAt, next.RunKey));
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
