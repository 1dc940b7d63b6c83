using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Pulse;

/// <summary>
/// The hourly counts the engine keeps for the dashboard's pulse (reports, duplicates, rejections, triggers and trigger
/// failures per phase; jobs run and failed for the scheduler), read with one bounded query per store plus this
/// process's counts not stored yet — never a scan of tallies or jobs. Resolve it from DI after <c>AddPaxOrchestration</c>
/// or <c>AddPaxScheduling</c>; a custom store keeps no pulse (<see cref="KeepsPhases"/>, <see cref="KeepsScheduler"/>).
/// </summary>
public sealed class PulseSource
{
    /// <summary>The scope of the scheduler's counts.</summary>
    public const string SchedulerScope = PulseScopes.Scheduler;

    /// <summary>The scope of rejected deliveries that named no configured phase.</summary>
    public const string NoPhaseScope = PulseScopes.NoPhase;

    /// <summary>Stored documents or rows one scope may return for a day and a bit: 2 days × the Firestore shards (SQLite: at most 25 rows).</summary>
    private const int PerScope = 2 * FirestorePulseStore.Shards;

    private readonly PulseRecorder? _phases;
    private readonly PulseRecorder? _scheduler;
    private readonly int _phaseCount;

    internal PulseSource(IServiceProvider services)
    {
        _phases = services.GetKeyedService<PulseRecorder>(PulseScopes.PhasesKey);
        _scheduler = services.GetKeyedService<PulseRecorder>(PulseScopes.SchedulerKey);
        _phaseCount = services.GetService<IOptions<OrchestrationOptions>>()?.Value.Phases.Count ?? 0;
    }

    /// <summary>Gets a value indicating whether the phases' counts are kept (the orchestrator is registered with a built-in store).</summary>
    public bool KeepsPhases => _phases is not null;

    /// <summary>Gets a value indicating whether the scheduler's counts are kept (the scheduler is registered with a built-in store).</summary>
    public bool KeepsScheduler => _scheduler is not null;

    /// <summary>Reads every phase's counts from <paramref name="fromHour"/> on.</summary>
    /// <param name="fromHour">The first hour (UTC, whole hour).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per phase and hour that counted something (none when <see cref="KeepsPhases"/> is false), and whether the read was cut.</returns>
    public Task<PulseRead> ReadPhasesAsync(DateTimeOffset fromHour, CancellationToken cancellationToken) =>
        ReadAsync(_phases, fromHour, (_phaseCount + 4) * PerScope, cancellationToken);

    /// <summary>Reads the scheduler's counts from <paramref name="fromHour"/> on.</summary>
    /// <param name="fromHour">The first hour (UTC, whole hour).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per hour that counted something (none when <see cref="KeepsScheduler"/> is false), and whether the read was cut.</returns>
    public Task<PulseRead> ReadSchedulerAsync(DateTimeOffset fromHour, CancellationToken cancellationToken) =>
        ReadAsync(_scheduler, fromHour, PerScope, cancellationToken);

    /// <summary>Stores what this process counted so far (tests and shutdown; the engine stores on its own).</summary>
    internal async Task FlushAsync()
    {
        foreach (var recorder in new[] { _phases, _scheduler }.OfType<PulseRecorder>())
        {
            await recorder.FlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task<PulseRead> ReadAsync(PulseRecorder? recorder, DateTimeOffset fromHour, int limit, CancellationToken cancellationToken)
    {
        if (recorder is null)
        {
            return new PulseRead([], false);
        }

        var (stored, truncated) = await recorder.Store.ReadSinceAsync(fromHour, limit, cancellationToken).ConfigureAwait(false);
        return new PulseRead(PulseBucket.Sum(stored.Concat(recorder.Pending().Where(b => b.Hour >= fromHour))).Select(PulseHour.From).ToList(), truncated);
    }
}
