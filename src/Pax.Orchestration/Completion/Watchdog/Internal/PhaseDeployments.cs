using System.Collections.Concurrent;

namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>
/// Where each phase's expected run keys start: <see cref="ExpectedRunSchedule.Start"/> when configured, else the phase's
/// first deployment as the store recorded it (<see cref="ICompletionStore.RecordPhaseDeploymentAsync"/>: the first
/// orchestrator instance to ask records the time, every later one reads it). Asked once per phase and process.
/// </summary>
internal sealed class PhaseDeployments
{
    private readonly ICompletionStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstDeployed = new(StringComparer.Ordinal);

    public PhaseDeployments(ICompletionStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Records (once) and returns when <paramref name="phase"/> was first deployed.</summary>
    public async ValueTask<DateTimeOffset> FirstDeployedAsync(string phase, CancellationToken cancellationToken)
    {
        if (_firstDeployed.TryGetValue(phase, out var known))
        {
            return known;
        }

        var recorded = await _store.RecordPhaseDeploymentAsync(phase, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return _firstDeployed.GetOrAdd(phase, recorded);
    }

    /// <summary>The first instant whose occurrences expect a run key of <paramref name="phase"/>.</summary>
    public async ValueTask<DateTimeOffset> ExpectedFromAsync(PhaseDefinition phase, CancellationToken cancellationToken) =>
        phase.Expected?.Start ?? await FirstDeployedAsync(phase.Name, cancellationToken).ConfigureAwait(false);
}
