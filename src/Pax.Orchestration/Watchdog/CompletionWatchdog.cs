using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Watchdog;

/// <summary>
/// Finds what the push path left behind and makes it visible: complete tallies still open (a crash between record
/// and claim) or claimed past their lease (a crash or failed trigger between claim and mark) are re-driven; incomplete
/// tallies past their phase's deadline are reported with the missing and failed processors, as a log event (4009)
/// and the <c>pax.orchestration.overdue</c> metric. Run it from <c>POST /watchdog</c> (Cloud Scheduler, OIDC) or from code.
/// </summary>
public sealed class CompletionWatchdog
{
    private readonly ICompletionStore _store;
    private readonly CompletionTally _tally;
    private readonly OrchestrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;

    internal CompletionWatchdog(ICompletionStore store, CompletionTally tally, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<CompletionWatchdog> logger, OrchestrationMetrics metrics)
    {
        _store = store;
        _tally = tally;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Examines the untriggered tallies of every phase once.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was re-driven and what is overdue.</returns>
    public async Task<WatchdogReport> RunAsync(CancellationToken cancellationToken)
    {
        var redriven = new List<RedriveResult>();
        var overdue = new List<TallyStatus>();
        var examined = 0;
        foreach (var phase in _options.Phases)
        {
            var tallies = await _store.ListUntriggeredAsync(phase.Name, _options.WatchdogBatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var tally in tallies)
            {
                examined++;
                var now = _time.GetUtcNow();
                var status = PhaseEvaluation.Evaluate(phase, tally, tally.RunKey, now);
                if (PhaseEvaluation.ShouldDrive(status, tally, now))
                {
                    OrchestrationLog.Redriving(_logger, phase.Name, tally.RunKey, tally.State.ToString());
                    var outcome = await _tally.DriveAsync(phase.Name, tally.RunKey, cancellationToken).ConfigureAwait(false);
                    redriven.Add(new RedriveResult(phase.Name, tally.RunKey, outcome));
                }
                else if (status.Overdue && status.DeadlineAt is { } deadline)
                {
                    OrchestrationLog.Overdue(_logger, phase.Name, tally.RunKey, deadline, string.Join(", ", status.Missing), status.MissingCount, string.Join(", ", status.Failed));
                    _metrics.Overdue(phase.Name);
                    overdue.Add(status);
                }
            }
        }

        return new WatchdogReport(redriven, overdue, examined);
    }
}
