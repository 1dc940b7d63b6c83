using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Completion;

/// <summary>
/// The tally engine. <see cref="RecordAsync"/> records a report idempotently (per run key and processor, so per
/// message too); when the phase becomes complete it claims the (phase, run key) atomically with a lease, fires the
/// next-phase trigger (bounded by <see cref="OrchestrationOptions.TriggerTimeout"/>) and marks the tally triggered.
/// The claim is an outbox step: a crash or a failing trigger leaves the tally claimed, and once the lease ends a
/// redelivery or <see cref="Watchdog.CompletionWatchdog"/> re-drives it, so the trigger is never lost. It is fired
/// again only when an attempt may have landed without being marked (a trigger timeout, or a process dying between the
/// trigger and the mark); such a re-drive is flagged (<see cref="PhaseTriggerRequest.Redrive"/>): the Cloud Run Job
/// trigger then looks for the execution the earlier attempt started, and the topic and HTTP receivers deduplicate on
/// the idempotency key.
/// Resolve it from DI after <c>AddPaxOrchestration</c>.
/// </summary>
public sealed class CompletionTally
{
    /// <summary>How long marking a fired trigger may take, whatever the caller's token says (a store write: well under a second when the store is up).</summary>
    internal static readonly TimeSpan MarkTriggeredTimeout = TimeSpan.FromSeconds(10);

    private readonly ICompletionStore _store;
    private readonly OrchestrationOptions _options;
    private readonly PhaseTriggerSet _triggers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;
    private readonly PulseRecorder? _pulse;

    internal CompletionTally(ICompletionStore store, IOptions<OrchestrationOptions> options, PhaseTriggerSet triggers, TimeProvider time, ILogger<CompletionTally> logger, OrchestrationMetrics metrics, PulseRecorder? pulse = null)
    {
        _pulse = pulse;
        _store = store;
        _options = options.Value;
        _triggers = triggers;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Gets the configured phases.</summary>
    public IReadOnlyList<PhaseDefinition> Phases => _options.Phases;

    /// <summary>Records a report and, when it completes the phase, triggers the next one.</summary>
    /// <param name="message">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was done; a rejection says why.</returns>
    /// <exception cref="Exception">The store failed (whatever it throws): the report may not be recorded; deliver it again.</exception>
    public async Task<CompletionReceipt> RecordAsync(CompletionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var phase = FindPhase(message.Phase, out var phaseProblem);
        var problem = phaseProblem ?? CompletionNames.ValidateProcessor(message.Processor) ?? CompletionNames.ValidateRunKey(message.RunKey);
        if (problem is null && phase!.Processors.Count > 0 && !phase.Processors.Contains(message.Processor, StringComparer.Ordinal))
        {
            problem = UnknownProcessor(phase, message.Processor);
        }

        if (problem is not null)
        {
            return CompletionReceipt.Rejected(problem);
        }

        using var span = OrchestrationTracing.StartInternal($"tally record {phase!.Name}", phase.Name, message.RunKey);
        span?.SetTag("pax.processor", message.Processor);
        var now = _time.GetUtcNow();
        var completion = new ProcessorCompletion(message.Processor, message.Status, now, message.MessageId, message.Details)
        {
            TraceParent = Activity.Current is { } current ? TraceContextText.Format(current.Context) : null,
        };
        var definition = phase!;
        var claim = new ClaimOnCompletion(t => PhaseEvaluation.Evaluate(definition, t, t.RunKey, now).Complete, now + _options.ClaimLease);
        var stored = await _store.RecordAsync(definition.Name, message.RunKey, completion, claim, cancellationToken).ConfigureAwait(false);
        if (stored.Full)
        {
            return CompletionReceipt.Rejected(
                $"tally {definition.Name}/{message.RunKey} already holds {CompletionLimits.MaxProcessorsPerTally} processors, the most one tally can hold; processor '{message.Processor}' is not recorded"
                + (TallyLayout.IsWide(definition)
                    ? $". The run key was started in the narrow layout before the phase was widened past {CompletionLimits.MaxNarrowFanIn} processors and keeps it (docs/architecture.md, \"Wide fan-in\"); to record it wide, delete its tally and publish its reports again"
                    : string.Empty));
        }

        if (stored.Changed)
        {
            OrchestrationLog.Recorded(_logger, definition.Name, message.RunKey, message.Processor, message.Status.ToString(), message.MessageId);
            _pulse?.Count(definition.Name, PulseCounter.Reports);
        }
        else
        {
            OrchestrationLog.Duplicate(_logger, definition.Name, message.RunKey, message.Processor, message.MessageId);
            _pulse?.Count(definition.Name, PulseCounter.Duplicates);
        }

        var status = PhaseEvaluation.Evaluate(definition, stored.Tally, message.RunKey, now);
        (DriveOutcome Outcome, DateTimeOffset TriggeredAt) drive;
        span?.SetTag("pax.recorded", stored.Changed);
        span?.SetTag("pax.claimed", stored.Claimed);
        if (stored.Claimed)
        {
            OrchestrationLog.Claimed(_logger, definition.Name, message.RunKey, claim.LeaseUntil);
            drive = await FireAndMarkAsync(definition, stored.Tally, status, redrive: false).ConfigureAwait(false);
        }
        else
        {
            drive = await DriveIfDueAsync(definition, stored.Tally, status, now, cancellationToken).ConfigureAwait(false);
        }

        if (drive.Outcome == DriveOutcome.Triggered)
        {
            // What was just stored, without reading it back.
            var triggered = stored.Tally with { State = TallyTriggerState.Triggered, ClaimedUntil = null, TriggeredAt = drive.TriggeredAt };
            status = PhaseEvaluation.Evaluate(definition, triggered, message.RunKey, now);
        }

        return new CompletionReceipt(stored.Changed ? ReportDisposition.Recorded : ReportDisposition.Duplicate, null, status, drive.Outcome);
    }

    /// <summary>Reads the status of a run key of a phase.</summary>
    /// <param name="phase">The phase name.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status (with everything missing when nothing was recorded), or <see langword="null"/> when the phase is not configured.</returns>
    public async Task<TallyProgress?> GetStatusAsync(string phase, string runKey, CancellationToken cancellationToken)
    {
        var definition = FindPhase(phase, out _);
        if (definition is null || CompletionNames.ValidateRunKey(runKey) is not null)
        {
            return null;
        }

        var tally = await _store.GetAsync(definition.Name, runKey, cancellationToken).ConfigureAwait(false);
        return PhaseEvaluation.Evaluate(definition, tally, runKey, _time.GetUtcNow());
    }

    /// <summary>Triggers the next phase of a run key if it is complete and not triggered, unless another caller holds a live claim.</summary>
    /// <param name="phase">The phase name.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the attempt came to.</returns>
    /// <exception cref="ArgumentException">The phase is not configured.</exception>
    public async Task<DriveOutcome> DriveAsync(string phase, string runKey, CancellationToken cancellationToken)
    {
        var definition = FindPhase(phase, out var problem) ?? throw new ArgumentException(problem, nameof(phase));
        var tally = await _store.GetAsync(definition.Name, runKey, cancellationToken).ConfigureAwait(false);
        if (tally is null)
        {
            return DriveOutcome.NotComplete;
        }

        var now = _time.GetUtcNow();
        var drive = await DriveIfDueAsync(definition, tally, PhaseEvaluation.Evaluate(definition, tally, runKey, now), now, cancellationToken).ConfigureAwait(false);
        return drive.Outcome;
    }

    /// <summary>Why a report from a processor the phase does not name is rejected, with the configured name it was probably meant as.</summary>
    internal static string UnknownProcessor(PhaseDefinition phase, string processor)
    {
        var meant = ClosestName.Find(processor, phase.Processors);
        var hint = meant is null ? string.Empty : $" — did you mean '{meant}'?";
        return $"unknown processor '{processor}'{hint} (phase '{phase.Name}' expects {string.Join(", ", phase.Processors.Select(p => "'" + p + "'"))})";
    }

    internal PhaseDefinition? FindPhase(string? name, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(name))
        {
            if (_options.Phases.Count == 1)
            {
                return _options.Phases[0];
            }

            problem = "the message names no phase and more than one phase is configured";
            return null;
        }

        var phase = _options.Phases.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        problem = phase is null ? $"phase '{name}' is not configured" : null;
        return phase;
    }

    private async Task<(DriveOutcome Outcome, DateTimeOffset TriggeredAt)> DriveIfDueAsync(PhaseDefinition phase, StoredTally tally, TallyProgress status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!status.Complete)
        {
            return (DriveOutcome.NotComplete, default);
        }

        if (tally.State == TallyTriggerState.Triggered)
        {
            return (DriveOutcome.AlreadyTriggered, default);
        }

        if (!PhaseEvaluation.ShouldDrive(status, tally, now))
        {
            return (DriveOutcome.ClaimedElsewhere, default);
        }

        var leaseUntil = now + _options.ClaimLease;
        bool claimed;
        using (var claim = OrchestrationTracing.StartInternal($"tally claim {phase.Name}", phase.Name, tally.RunKey))
        {
            claimed = await _store.TryClaimAsync(phase.Name, tally.RunKey, now, leaseUntil, cancellationToken).ConfigureAwait(false);
            claim?.SetTag("pax.claimed", claimed);
        }

        if (!claimed)
        {
            _metrics.Trigger(phase.Name, "claimed_elsewhere");
            return (DriveOutcome.ClaimedElsewhere, default);
        }

        OrchestrationLog.Claimed(_logger, phase.Name, tally.RunKey, leaseUntil);

        // A lapsed claim means an earlier attempt fired (or tried to) and never marked the tally: it may have landed.
        return await FireAndMarkAsync(phase, tally, status, redrive: tally.State == TallyTriggerState.Claimed).ConfigureAwait(false);
    }

    /// <summary>Fires the trigger and marks the tally triggered (under their own bounds, not a caller's token); on <see cref="DriveOutcome.Triggered"/> also returns the time stored as triggered.</summary>
    private async Task<(DriveOutcome Outcome, DateTimeOffset TriggeredAt)> FireAndMarkAsync(PhaseDefinition phase, StoredTally tally, TallyProgress status, bool redrive)
    {
        var request = new PhaseTriggerRequest(phase.Name, status.RunKey, PhaseTriggerRequest.IdempotencyKeyFor(phase.Name, status.RunKey), status.Completed) { Redrive = redrive };

        // Once claimed, the trigger, its mark and its failure record run under their own bounds, never the caller's token:
        // a caller that hangs up (a client abort, Pub/Sub giving up at its ack deadline) while a publish is in flight
        // would otherwise cancel a publish that may have landed, leaving the tally claimed, to be fired again as a
        // duplicate once the lease runs out. TriggerTimeout keeps the call short.
        // Fan-in: the trigger runs in the trace of the report that completed the phase (or of the watchdog's re-drive)
        // and links the traces the other reports were recorded in.
        using var span = OrchestrationTracing.StartInternal($"trigger {phase.Name}", phase.Name, status.RunKey, OrchestrationTracing.ReportLinks(tally, Activity.Current?.TraceId));
        span?.SetTag("pax.redrive", redrive);
        using (var timeout = new CancellationTokenSource(_options.TriggerTimeout, _time))
        {
            try
            {
                await _triggers.Get(phase).FireAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                GoogleCloudTracing.Fail(span, ex);
                await KeepTriggerFailureAsync(phase.Name, status.RunKey, ex, timedOut: timeout.IsCancellationRequested).ConfigureAwait(false);
                return (DriveOutcome.TriggerFailed, default);
            }
        }

        var firedAt = _time.GetUtcNow();

        // The trigger's own context when it is recorded, else the trace it ran in (a remote context continued without an SDK).
        var traceParent = Activity.Current is { } current ? TraceContextText.Format(current.Context) : null;
        using (var markBound = new CancellationTokenSource(MarkTriggeredTimeout, _time))
        {
            try
            {
                await _store.MarkTriggeredAsync(phase.Name, status.RunKey, firedAt, traceParent, markBound.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                OrchestrationLog.MarkTriggeredFailed(_logger, ex, phase.Name, status.RunKey);
                _metrics.Trigger(phase.Name, "mark_failed");
                return (DriveOutcome.TriggerFailed, default);
            }
        }

        OrchestrationLog.Triggered(_logger, phase.Name, status.RunKey, request.IdempotencyKey);
        _metrics.Trigger(phase.Name, "triggered");
        _pulse?.Count(phase.Name, PulseCounter.Triggers);
        if (status.LastCompletionAt is { } last)
        {
            _metrics.TriggerDuration(phase.Name, firedAt - last);
        }

        return (DriveOutcome.Triggered, firedAt);
    }

    /// <summary>
    /// Makes a failed attempt visible where operators look: the log (event 4006, with the exception), the metric
    /// (<c>pax.orchestration.triggers{outcome=failed, reason}</c>) and the tally itself (<see cref="StoredTally.LastTriggerError"/>,
    /// which the dashboard and <c>GET /tallies</c> show). A store that cannot keep it is logged; the claim stays either way.
    /// </summary>
    private async Task KeepTriggerFailureAsync(string phase, string runKey, Exception exception, bool timedOut)
    {
        var message = TriggerFailureText.Describe(exception, timedOut, _options.TriggerTimeout);
        OrchestrationLog.TriggerFailed(_logger, exception, phase, runKey, message);
        _metrics.TriggerFailed(phase, TriggerFailureText.Reason(exception, timedOut));
        _pulse?.Count(phase, PulseCounter.TriggerFailures);
        using var bound = new CancellationTokenSource(MarkTriggeredTimeout, _time);
        try
        {
            await _store.RecordTriggerFailureAsync(phase, runKey, _time.GetUtcNow(), message, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OrchestrationLog.TriggerFailureNotKept(_logger, ex, phase, runKey);
        }
    }
}
