using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// Reads the pulse page through <see cref="PulseSource"/>: one bounded query per store (the phases' counts beside the
/// tallies, the scheduler's beside the jobs), plus this process's counts not stored yet; never a scan of tallies, jobs
/// or rejected deliveries, so the page costs the same however much happened.
/// </summary>
internal sealed class PulseReader
{
    /// <summary>The hours shown: the current one and the 23 before it.</summary>
    public const int HoursShown = 24;

    // The JSON's counter names, each with the count it shows: one table, so a name cannot show another counter's numbers.
    private static readonly (string Name, Func<PulseHour, long> Count)[] PhaseCounters =
    [
        ("reports", h => h.Reports),
        ("duplicates", h => h.Duplicates),
        ("rejections", h => h.Rejections),
        ("triggers", h => h.Triggers),
        ("triggerFailures", h => h.TriggerFailures),
    ];

    private static readonly (string Name, Func<PulseHour, long> Count)[] SchedulerCounters =
    [
        ("jobsRun", h => h.JobsRun),
        ("jobsFailed", h => h.JobsFailed),
    ];
    private readonly PulseSource? _source;
    private readonly IReadOnlyList<PhaseDefinition> _configured;
    private readonly TimeProvider _time;

    public PulseReader(IServiceProvider services, TimeProvider time)
    {
        _source = services.GetService<PulseSource>();
        _configured = services.GetService<PhaseStatusReader>()?.Phases ?? [];
        _time = time;
    }

    public async Task<PulseView> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var hours = Enumerable.Range(0, HoursShown).Select(i => current.AddHours(i - HoursShown + 1)).ToList();
        var phases = new List<PulseScopeView>();
        var keepsPhases = _source?.KeepsPhases == true;
        var truncated = false;
        if (keepsPhases)
        {
            var read = await _source!.ReadPhasesAsync(hours[0], cancellationToken).ConfigureAwait(false);
            var counted = read.Hours;
            truncated = read.Truncated;
            phases.AddRange(_configured.Select(p => Scope(p.Name, p.Name, counted, hours, PhaseCounters)));
            if (counted.Any(b => b.Scope == PulseSource.NoPhaseScope))
            {
                phases.Add(Scope("(no phase)", PulseSource.NoPhaseScope, counted, hours, PhaseCounters));
            }
        }

        PulseScopeView? scheduler = null;
        var keepsScheduler = _source?.KeepsScheduler == true;
        if (keepsScheduler)
        {
            var read = await _source!.ReadSchedulerAsync(hours[0], cancellationToken).ConfigureAwait(false);
            scheduler = Scope("scheduler", PulseSource.SchedulerScope, read.Hours, hours, SchedulerCounters);
            truncated |= read.Truncated;
        }

        return new PulseView(now, hours, keepsPhases, phases, keepsScheduler, scheduler, truncated);
    }

    private static PulseScopeView Scope(string name, string scope, IReadOnlyList<PulseHour> counted, List<DateTimeOffset> hours, (string Name, Func<PulseHour, long> Count)[] counters)
    {
        var byHour = counted.Where(b => b.Scope == scope).ToDictionary(b => b.Hour);
        var series = counters.Select(counter =>
        {
            var hourly = hours.Select(h => byHour.TryGetValue(h, out var b) ? counter.Count(b) : 0).ToList();
            return new PulseSeriesView(counter.Name, hourly.Sum(), hourly);
        }).ToList();
        return new PulseScopeView(name, series);
    }
}
