namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// <c>GET /pax/api/pulse</c>: counts per UTC hour over the last 24 hours (<c>hours</c>: the 24 hour starts, oldest first;
/// each series' <c>hourly</c> lines up with them). <c>phasesAvailable</c> / <c>schedulerAvailable</c> are false when
/// that part is not registered here or its store keeps no pulse (a custom store). <c>truncated</c> is true when a store
/// held more documents or rows than its bounded read returns (read newest first, so the oldest hours may show low).
/// </summary>
internal sealed record PulseView(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<DateTimeOffset> Hours,
    bool PhasesAvailable,
    IReadOnlyList<PulseScopeView> Phases,
    bool SchedulerAvailable,
    PulseScopeView? Scheduler,
    bool Truncated);

/// <summary>One phase (or <c>(no phase)</c>: rejected deliveries that named no configured phase), or the scheduler.</summary>
internal sealed record PulseScopeView(string Name, IReadOnlyList<PulseSeriesView> Series);

/// <summary>One counter: <c>reports</c>, <c>duplicates</c>, <c>rejections</c>, <c>triggers</c>, <c>triggerFailures</c> (phases) or <c>jobsRun</c>, <c>jobsFailed</c> (scheduler).</summary>
internal sealed record PulseSeriesView(string Counter, long Total, IReadOnlyList<long> Hourly);
