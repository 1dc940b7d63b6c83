using System.Diagnostics.Metrics;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// The package's instruments on the <c>Pax.Orchestration</c> meter (the scheduler's are in <c>SchedulingMetrics</c>). Names follow
/// OpenTelemetry's metric naming (opentelemetry.io/docs/specs/semconv/general/naming/#metrics): <c>pax.orchestration.*</c>,
/// counters of countable things plural with a <c>{thing}</c> unit, durations as <c>double</c> histograms in seconds.
/// </summary>
internal sealed class OrchestrationMetrics
{
    public const string MeterName = "Pax.Orchestration";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _triggers;
    private readonly Counter<long> _overdue;
    private readonly Histogram<double> _triggerDuration;

    public OrchestrationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("pax.orchestration.deliveries", "{delivery}", "Completion deliveries by outcome (recorded, duplicate, rejected, unauthenticated, unavailable); rejections carry a reason (envelope, contract, invalid, oversized).");
        _triggers = meter.CreateCounter<long>("pax.orchestration.triggers", "{trigger}", "Next-phase trigger attempts by phase and outcome (triggered, failed, mark_failed, claimed_elsewhere); failed attempts carry a reason (timeout, transport, error, or Google's status in lower case such as permission_denied).");
        _overdue = meter.CreateCounter<long>("pax.orchestration.overdue_runs", "{run}", "Run keys found past their deadline by the watchdog, by phase and reason (incomplete: processors missing or failed; no_report: expected by the phase's schedule, nobody reported).");
        _triggerDuration = meter.CreateHistogram<double>("pax.orchestration.trigger.duration", "s", "Time from the completing report to the trigger.");
    }

    public void Delivery(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("pax.outcome", outcome));

    /// <summary>Counts a rejected delivery with why, in a few stable words (<c>envelope</c>, <c>contract</c>, <c>invalid</c>, <c>oversized</c>), so an alert can tell a drifted publisher from noise.</summary>
    public void Rejected(string reason) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("pax.outcome", "rejected"), new KeyValuePair<string, object?>("pax.reason", reason));

    public void Trigger(string phase, string outcome) =>
        _triggers.Add(1, new KeyValuePair<string, object?>("pax.phase", phase), new KeyValuePair<string, object?>("pax.outcome", outcome));

    /// <summary>Counts a failed trigger attempt with why, in a few stable words (see <c>TriggerFailureText.Reason</c>).</summary>
    public void TriggerFailed(string phase, string reason) =>
        _triggers.Add(1, new KeyValuePair<string, object?>("pax.phase", phase), new KeyValuePair<string, object?>("pax.outcome", "failed"), new KeyValuePair<string, object?>("pax.reason", reason));

    public void Overdue(string phase, string reason) =>
        _overdue.Add(1, new KeyValuePair<string, object?>("pax.phase", phase), new KeyValuePair<string, object?>("pax.reason", reason));

    /// <summary>Records on <c>pax.orchestration.trigger.duration</c> (s).</summary>
    public void TriggerDuration(string phase, TimeSpan duration) =>
        _triggerDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("pax.phase", phase));
}
