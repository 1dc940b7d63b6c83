using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Completion.Watchdog.Internal;

namespace Pax.Orchestration.Completion;

/// <summary>
/// Reads the state of the configured phases the way the orchestrator judges it — for a dashboard, a status page or a
/// report of your own. Registered by <c>AddPaxOrchestration</c>; resolve it from DI. Together with the store's own reads
/// (<see cref="ICompletionStore.GetAsync"/>, <see cref="ICompletionStore.FindRecordedRunKeysAsync"/> and
/// <see cref="ICompletionStoreQueries"/>) it is the read API the Pax dashboard uses; it writes nothing but, once per phase
/// and process, the phase's first deployment (<see cref="ICompletionStore.RecordPhaseDeploymentAsync"/>), as the
/// orchestrator does at startup.
/// </summary>
public sealed class PhaseStatusReader
{
    private readonly PhaseDeployments _deployments;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ExpectedRunCalendar> _calendars = new(StringComparer.Ordinal);

    internal PhaseStatusReader(IOptions<OrchestrationOptions> options, PhaseDeployments deployments, TimeProvider time)
    {
        _deployments = deployments;
        _time = time;
        Phases = options.Value.Phases;
        foreach (var phase in Phases)
        {
            if (phase is { Expected: { } expected, Deadline: { } } && ExpectedRunCalendar.Create(expected, phase.Deadline, phase.Name, []) is { } calendar)
            {
                _calendars[phase.Name] = calendar;
            }
        }
    }

    /// <summary>Gets the configured phases (<see cref="OrchestrationOptions.Phases"/>).</summary>
    public IReadOnlyList<PhaseDefinition> Phases { get; }

    /// <summary>
    /// Returns the status of a run key under <paramref name="phase"/>'s rules (named processors or a count, threshold,
    /// failures block, deadline), as <c>GET /tallies/{phase}/{runKey}</c> and the watchdog see it.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="tally">The stored tally, or <see langword="null"/> when nothing was recorded for the run key.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="asOf">The instant the deadline is judged at (usually now).</param>
    /// <param name="expectedAt">When the phase's schedule expected the run key (<see cref="ExpectedRunKey.ExpectedAt"/>): the deadline counts from it while nothing was recorded.</param>
    /// <returns>The status.</returns>
    public static TallyProgress Evaluate(PhaseDefinition phase, StoredTally? tally, string runKey, DateTimeOffset asOf, DateTimeOffset? expectedAt = null)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrEmpty(runKey);
        return PhaseEvaluation.Evaluate(phase, tally, runKey, asOf, expectedAt);
    }

    /// <summary>
    /// Returns the first instant whose occurrences expect a run key of <paramref name="phase"/>:
    /// <see cref="ExpectedRunSchedule.Start"/> when configured, else the phase's first deployment as the store recorded it.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instant.</returns>
    public ValueTask<DateTimeOffset> ExpectedFromAsync(PhaseDefinition phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return _deployments.ExpectedFromAsync(phase, cancellationToken);
    }

    /// <summary>
    /// Returns the run keys <paramref name="phase"/>'s <see cref="PhaseDefinition.Expected"/> schedule expected whose
    /// deadline has passed now — from <see cref="ExpectedRunSchedule.LookBack"/> ago, never before
    /// <see cref="ExpectedFromAsync"/>, the newest <see cref="ExpectedRunSchedule.MaxRunKeys"/> in time order — reported or
    /// not (<see cref="ICompletionStore.FindRecordedRunKeysAsync"/> tells which were): the watchdog's "nobody reported" rule.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The expected run keys, oldest first; empty for a phase without an expected schedule.</returns>
    public async Task<IReadOnlyList<ExpectedRunKey>> ListExpectedRunKeysAsync(PhaseDefinition phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (!_calendars.TryGetValue(phase.Name, out var calendar))
        {
            return [];
        }

        var from = await _deployments.ExpectedFromAsync(phase, cancellationToken).ConfigureAwait(false);
        return calendar.DueBy(_time.GetUtcNow(), from);
    }
}
