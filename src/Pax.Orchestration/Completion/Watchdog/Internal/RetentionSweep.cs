using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>
/// The watchdog's retention step (<see cref="RetentionOptions"/>): deletes the pulse's hourly counts (the phases', and
/// the scheduler's when it runs in this process) and rejected deliveries past their age, at most
/// <see cref="RetentionOptions.MaxDeletesPerRun"/> of each. A step that fails is logged (4063) and left for the next
/// run; it never fails the watchdog's own work.
/// </summary>
internal sealed class RetentionSweep
{
    private readonly ICompletionStore _store;
    private readonly PulseRecorder? _phases;
    private readonly PulseRecorder? _scheduler;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RetentionSweep(IServiceProvider services, ICompletionStore store, RetentionOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _phases = services.GetKeyedService<PulseRecorder>(PulseScopes.PhasesKey);
        _scheduler = services.GetKeyedService<PulseRecorder>(PulseScopes.SchedulerKey);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs the three deletions; returns how many of each were deleted (-1 for a step that failed or does not apply).</summary>
    public async Task<(int PhasePulse, int SchedulerPulse, int Rejected)> RunAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var pulseCut = PulseBucket.HourOf(now - _options.PulseMaxAge);
        var limit = _options.MaxDeletesPerRun;
        var phases = await StepAsync("phase pulse", pulseCut, _phases is null ? null : ct => _phases.Store.DeleteBeforeAsync(pulseCut, limit, ct), cancellationToken).ConfigureAwait(false);
        var scheduler = await StepAsync("scheduler pulse", pulseCut, _scheduler is null ? null : ct => _scheduler.Store.DeleteBeforeAsync(pulseCut, limit, ct), cancellationToken).ConfigureAwait(false);
        var rejectedCut = now - _options.RejectedMaxAge;
        var rejected = await StepAsync("rejected deliveries", rejectedCut, _store is IRejectedRetention retention ? ct => retention.DeleteRejectedBeforeAsync(rejectedCut, limit, ct) : null, cancellationToken).ConfigureAwait(false);
        RetentionLog.Applied(_logger, phases, scheduler, rejected);
        return (phases, scheduler, rejected);
    }

    private async Task<int> StepAsync(string what, DateTimeOffset before, Func<CancellationToken, Task<int>>? delete, CancellationToken cancellationToken)
    {
        if (delete is null)
        {
            return -1;
        }

        try
        {
            return await delete(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            RetentionLog.Failed(_logger, ex, what, before);
            return -1;
        }
    }
}
