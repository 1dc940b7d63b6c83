using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Watchdog.Internal;

namespace Pax.Orchestration.Completion.Watchdog;

/// <summary>
/// Finds what the push path left behind and makes it visible: complete tallies still open (a crash between record
/// and claim) or claimed past their lease (a crash or failed trigger between claim and mark) are re-driven; incomplete
/// tallies past their phase's deadline are reported with the missing and failed processors, as a log event (4009)
/// and the <c>pax.orchestration.overdue_runs</c> metric (<c>reason=incomplete</c>). For a phase with an
/// <see cref="PhaseDefinition.Expected"/> schedule it also reports the expected run keys past their deadline that
/// have no tally at all — nobody reported, the silence a tally cannot show — with every expected processor missing
/// (log event 4012, the same metric with <c>reason=no_report</c>), from the phase's first deployment (or
/// <see cref="ExpectedRunSchedule.Start"/>) on, never earlier. Run keys whose trigger failed and is still not done
/// after the run (re-driven in vain, or claimed with a live lease after a failure) are listed with their last trigger
/// error (log event 4018). Last, it applies <see cref="OrchestrationOptions.Retention"/>: the pulse's hourly counts and
/// rejected deliveries past their age are deleted (log event 4062). Run it from <c>POST /watchdog</c> (Cloud Scheduler, OIDC) or from code.
/// </summary>
public sealed class CompletionWatchdog
{
    private readonly ICompletionStore _store;
    private readonly CompletionTally _tally;
    private readonly OrchestrationOptions _options;
    private readonly Dictionary<string, ExpectedRunCalendar> _calendars = new(StringComparer.Ordinal);
    private readonly PhaseDeployments _deployments;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;
    private readonly RetentionSweep? _retention;

    internal CompletionWatchdog(ICompletionStore store, CompletionTally tally, PhaseDeployments deployments, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<CompletionWatchdog> logger, OrchestrationMetrics metrics, RetentionSweep? retention = null)
    {
        _retention = retention;
        _store = store;
        _deployments = deployments;
        _tally = tally;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        for (var i = 0; i < _options.Phases.Count; i++)
        {
            if (_options.Phases[i] is { Expected: { } expected } phase)
            {
                // The options validator checked the schedule at startup; this only parses it.
                var problems = new List<string>();
                var key = $"{OrchestrationOptions.SectionName}:Phases:{i}";
                _calendars[phase.Name] = ExpectedRunCalendar.Create(expected, phase.Deadline, key + ":Expected", problems)
                    ?? throw new InvalidOperationException(string.Join(" ", problems.DefaultIfEmpty($"{key}:Deadline is required with {key}:Expected.")));
            }
        }
    }

    /// <summary>Examines the untriggered tallies and the expected run keys of every phase once.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was re-driven and what is overdue.</returns>
    public async Task<WatchdogReport> RunAsync(CancellationToken cancellationToken)
    {
        var redriven = new List<RedriveResult>();
        var overdue = new List<TallyProgress>();
        var failing = new List<TallyProgress>();
        var examined = 0;
        var expectedExamined = 0;
        foreach (var phase in _options.Phases)
        {
            examined += await ExamineUntriggeredAsync(phase, redriven, overdue, failing, cancellationToken).ConfigureAwait(false);
            if (_calendars.TryGetValue(phase.Name, out var calendar))
            {
                expectedExamined += await ExamineExpectedAsync(phase, calendar, overdue, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_retention is not null)
        {
            await _retention.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return new WatchdogReport(redriven, overdue, examined, expectedExamined, failing);
    }

    private async Task<int> ExamineUntriggeredAsync(PhaseDefinition phase, List<RedriveResult> redriven, List<TallyProgress> overdue, List<TallyProgress> failing, CancellationToken cancellationToken)
    {
        var tallies = await _store.ListUntriggeredAsync(phase.Name, _options.WatchdogBatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var tally in tallies)
        {
            var now = _time.GetUtcNow();
            var status = PhaseEvaluation.Evaluate(phase, tally, tally.RunKey, now);
            if (PhaseEvaluation.ShouldDrive(status, tally, now))
            {
                OrchestrationLog.Redriving(_logger, phase.Name, tally.RunKey, tally.State.ToString());
                DriveOutcome outcome;
                using (var span = OrchestrationTracing.StartInternal($"watchdog redrive {phase.Name}", phase.Name, tally.RunKey))
                {
                    // The trigger below is this span's child and links the traces of every report of the tally.
                    outcome = await _tally.DriveAsync(phase.Name, tally.RunKey, cancellationToken).ConfigureAwait(false);
                    span?.SetTag("pax.outcome", outcome.ToString());
                }

                redriven.Add(new RedriveResult(phase.Name, tally.RunKey, outcome));
                if (outcome == DriveOutcome.TriggerFailed)
                {
                    // Failed again: read what the attempt left (its message, one more attempt).
                    var after = await _store.GetAsync(phase.Name, tally.RunKey, cancellationToken).ConfigureAwait(false);
                    ReportFailing(phase, after, failing);
                }
            }
            else if (status.Complete)
            {
                ReportFailing(phase, tally, failing);
            }
            else if (status.Overdue && status.DeadlineAt is { } deadline)
            {
                OrchestrationLog.Overdue(_logger, phase.Name, tally.RunKey, deadline, string.Join(", ", status.Missing), status.MissingCount, string.Join(", ", status.Failed));
                _metrics.Overdue(phase.Name, "incomplete");
                overdue.Add(status);
            }
        }

        return tallies.Count;
    }

    /// <summary>Lists a complete, untriggered tally whose trigger failed (log event 4018).</summary>
    private void ReportFailing(PhaseDefinition phase, StoredTally? tally, List<TallyProgress> failing)
    {
        if (tally is { State: not TallyTriggerState.Triggered, LastTriggerError: { } error })
        {
            OrchestrationLog.TriggerKeepsFailing(_logger, phase.Name, tally.RunKey, error);
            failing.Add(PhaseEvaluation.Evaluate(phase, tally, tally.RunKey, _time.GetUtcNow()));
        }
    }

    private async Task<int> ExamineExpectedAsync(PhaseDefinition phase, ExpectedRunCalendar calendar, List<TallyProgress> overdue, CancellationToken cancellationToken)
    {
        var start = await _deployments.ExpectedFromAsync(phase, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var due = calendar.DueBy(now, start);
        if (due.Count == 0)
        {
            return 0;
        }

        var recorded = await _store.FindRecordedRunKeysAsync(phase.Name, due.Select(d => d.RunKey).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var expected in due.Where(d => !recorded.Contains(d.RunKey)))
        {
            var status = PhaseEvaluation.Evaluate(phase, null, expected.RunKey, now, expected.ExpectedAt);
            OrchestrationLog.NoReport(_logger, phase.Name, expected.RunKey, expected.ExpectedAt, expected.DeadlineAt, string.Join(", ", status.Missing), status.MissingCount);
            _metrics.Overdue(phase.Name, "no_report");
            overdue.Add(status);
        }

        return due.Count;
    }
}
