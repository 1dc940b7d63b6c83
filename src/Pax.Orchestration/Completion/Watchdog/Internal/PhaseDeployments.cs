using System.Collections.Concurrent;

namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>
/// Where each phase's expected run keys start: <see cref="ExpectedRunSchedule.Start"/> when configured, else the phase's
/// first deployment as the store recorded it (<see cref="ICompletionStore.RecordPhaseDeploymentAsync"/>: the first
/// orchestrator instance to ask records the time, every later one reads it). Asked once per phase and process.
/// An orchestrator upgraded from a version that recorded no deployment finds the phase's tallies already there: the
/// phase ran before, so the time recorded is its oldest tally's creation (at most <see cref="ExpectedRunSchedule.LookBack"/>
/// ago), and the run keys expected before the upgrade stay watched.
/// </summary>
internal sealed class PhaseDeployments
{
    /// <summary>How many of the newest tallies are read to find the oldest; a full page means older ones exist.</summary>
    private const int TallyPage = 100;

    private readonly ICompletionStore _store;
    private readonly ICompletionStoreQueries? _tallies;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstDeployed = new(StringComparer.Ordinal);

    public PhaseDeployments(ICompletionStore store, ICompletionStoreQueries? tallies, TimeProvider time)
    {
        _store = store;
        _tallies = tallies;
        _time = time;
    }

    /// <summary>Records (once) and returns when <paramref name="phase"/> was first deployed.</summary>
    public async ValueTask<DateTimeOffset> FirstDeployedAsync(PhaseDefinition phase, CancellationToken cancellationToken)
    {
        if (_firstDeployed.TryGetValue(phase.Name, out var known))
        {
            return known;
        }

        var first = await EarliestKnownAsync(phase, cancellationToken).ConfigureAwait(false);
        var recorded = await _store.RecordPhaseDeploymentAsync(phase.Name, first, cancellationToken).ConfigureAwait(false);
        return _firstDeployed.GetOrAdd(phase.Name, recorded);
    }

    /// <summary>The first instant whose occurrences expect a run key of <paramref name="phase"/>.</summary>
    public async ValueTask<DateTimeOffset> ExpectedFromAsync(PhaseDefinition phase, CancellationToken cancellationToken) =>
        phase.Expected?.Start ?? await FirstDeployedAsync(phase, cancellationToken).ConfigureAwait(false);

    /// <summary>Now, or, when the phase has tallies, the oldest one's creation, no earlier than the look-back (older ones exist when the page is full).</summary>
    private async Task<DateTimeOffset> EarliestKnownAsync(PhaseDefinition phase, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_tallies is null || phase.Expected is not { } expected)
        {
            return now;
        }

        var newest = await _tallies.ListRecentAsync(phase.Name, TallyPage, null, cancellationToken).ConfigureAwait(false);
        var lookBack = now - expected.LookBack;
        return newest.Count switch
        {
            0 => now,
            TallyPage => lookBack,
            _ => new[] { newest.Min(t => t.CreatedAt), now }.Min() is var oldest && oldest < lookBack ? lookBack : oldest,
        };
    }
}
