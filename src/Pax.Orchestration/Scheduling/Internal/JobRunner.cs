using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Claims a due job, runs its handler under a <see cref="LeaseKeeper"/>, and records the outcome.</summary>
internal sealed class JobRunner
{
    private const int MaxErrorLength = 2000;
    private readonly IScheduledJobStore _store;
    private readonly IServiceProvider _services;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PulseRecorder? _pulse;

    public JobRunner(IScheduledJobStore store, IServiceProvider services, SchedulingOptions options, TimeProvider time, ILogger logger)
    {
        _pulse = services.GetKeyedService<PulseRecorder>(PulseScopes.SchedulerKey);
        _store = store;
        _services = services;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Claims a due job (a compare-and-swap); <see langword="null"/> when another tick claimed it first or the store failed the write (its slot given back).</summary>
    public async Task<ScheduledJob?> TryClaimAsync(ScheduledJob due, TickCounters counters)
    {
        ScheduledJob? claimed;
        try
        {
            claimed = await _store.TryReplaceAsync(Claim(due, _time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The store failed this one write: leave the job for a later tick rather than failing the whole tick.
            counters.ReturnSlot();
            SchedulingLog.ClaimFailed(_logger, ex, due.Id);
            return null;
        }

        if (claimed is null)
        {
            counters.ReturnSlot();
            counters.SkippedClaimed();
            SchedulingLog.AlreadyClaimed(_logger, due.Id);
            return null;
        }

        Claimed(claimed, counters);
        return claimed;
    }

    /// <summary>Counts and logs a claim this tick made.</summary>
    public void Claimed(ScheduledJob claimed, TickCounters counters)
    {
        counters.Claim();
        SchedulingLog.Claimed(_logger, claimed.Id, claimed.Type, claimed.Attempts, claimed.MaxAttempts, claimed.LeaseUntil!.Value);
    }

    /// <summary>What a claim of <paramref name="due"/> at <paramref name="now"/> stores.</summary>
    public ScheduledJob Claim(ScheduledJob due, DateTimeOffset now) => JobTransitions.Claim(due, now, _options.Lease, JobTransitions.ThisProcess);

    /// <summary>Runs a job this tick claimed (or fails or skips it, as its attempts and misfire policy say) and records the outcome.</summary>
    public async Task RunClaimedAsync(ScheduledJob claimed, TickCounters counters, CancellationToken tickToken)
    {
        var now = _time.GetUtcNow();
        var occurrence = claimed.Occurrence;
        if (claimed.Attempts > claimed.MaxAttempts)
        {
            // The final attempt's lease ran out without an outcome: its process died. Do not run it again.
            Failed(counters);
            var error = $"attempt {claimed.MaxAttempts} of {claimed.MaxAttempts} never finished: its lease expired (the process running it died?)";
            var lost = JobHistory.Outcome(now, TimeSpan.Zero, JobOutcomeResult.Failed, error, claimed.MaxAttempts);
            await FinishAsync(claimed, () => JobTransitions.Failed(claimed with { Attempts = claimed.MaxAttempts }, error, now, TimeSpan.Zero), null, lost).ConfigureAwait(false);
            return;
        }

        if (claimed.IsRecurring && claimed.Misfire == MisfirePolicy.Skip && IsMisfire(claimed, now))
        {
            counters.MisfireSkipped();
            var outcome = JobHistory.Outcome(now, TimeSpan.Zero, JobOutcomeResult.Skipped, null, 0);
            var skipped = await FinishAsync(claimed, () => JobTransitions.SkipMissed(claimed, now), null, outcome).ConfigureAwait(false);
            SchedulingLog.MisfireSkipped(_logger, claimed.Id, occurrence, skipped?.ScheduleAt);
            return;
        }

        counters.Executed();
        _pulse?.Count(PulseScopes.Scheduler, PulseCounter.JobsRun);
        await ExecuteAsync(claimed, counters, tickToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(ScheduledJob claimed, TickCounters counters, CancellationToken tickToken)
    {
        var started = _time.GetTimestamp();
        Exception? failure = null;
        string? interruption = null;
        using var span = OrchestrationTracing.StartInternal($"job run {claimed.Type}");
        span?.SetTag("pax.job.id", claimed.Id);
        span?.SetTag("pax.job.type", claimed.Type);
        span?.SetTag("pax.job.attempt", claimed.Attempts);
        var lease = new LeaseKeeper(_store, claimed, _options.Lease, _time, _logger, tickToken);
        await using (lease.ConfigureAwait(false))
        {
            // A scope per run: handlers may depend on scoped services, and disposable ones are disposed after the run.
            try
            {
                var scope = _services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var handler = scope.ServiceProvider.GetKeyedService<IScheduledJobHandler>(claimed.Type)
                        ?? throw new InvalidOperationException($"No handler is registered for job type '{claimed.Type}'.");
                    await handler.ExecuteAsync(new ScheduledJobContext(claimed, claimed.Occurrence), lease.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
            {
                interruption = tickToken.IsCancellationRequested ? "the tick's time budget ended or the tick was aborted" : "its lease could not be renewed in time";
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            await lease.StopAsync().ConfigureAwait(false);
            if (failure is not null)
            {
                GoogleCloudTracing.Fail(span, failure);
            }

            if (lease.Lost)
            {
                Failed(counters);
                return;
            }

            await RecordAsync(lease.Current, counters, failure, interruption, _time.GetElapsedTime(started)).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(ScheduledJob current, TickCounters counters, Exception? failure, string? interruption, TimeSpan elapsed)
    {
        var now = _time.GetUtcNow();
        if (interruption is not null)
        {
            Failed(counters);
            SchedulingLog.Interrupted(_logger, current.Id, interruption);
            var outcome = JobHistory.Outcome(now, elapsed, JobOutcomeResult.Interrupted, "interrupted: " + interruption, current.Attempts);
            var after = await FinishAsync(current, () => JobTransitions.Interrupted(current, interruption, now), null, outcome).ConfigureAwait(false);
            if (after is { Attempts: 0 } or { Status: ScheduledJobStatus.Failed })
            {
                SchedulingLog.GaveUp(_logger, null, current.Id, current.Attempts, after.LastError ?? interruption, NextText(after));
            }
        }
        else if (failure is not null)
        {
            Failed(counters);
            var error = Describe(failure);
            var delay = RetryBackoff.Delay(current.Attempts, _options.RetryBaseDelay, _options.RetryMaxDelay, Random.Shared);
            var outcome = JobHistory.Outcome(now, elapsed, JobOutcomeResult.Failed, error, current.Attempts);
            var after = await FinishAsync(current, () => JobTransitions.Failed(current, error, now, delay), failure, outcome).ConfigureAwait(false);
            if (after is { Attempts: > 0, Status: ScheduledJobStatus.Pending })
            {
                SchedulingLog.WillRetry(_logger, failure, current.Id, current.Attempts, current.MaxAttempts, after.ScheduleAt);
            }
            else if (after is not null)
            {
                SchedulingLog.GaveUp(_logger, failure, current.Id, current.Attempts, error, NextText(after));
            }
        }
        else
        {
            counters.Succeeded();
            var outcome = JobHistory.Outcome(now, elapsed, JobOutcomeResult.Succeeded, null, current.Attempts);
            var after = await FinishAsync(current, () => JobTransitions.Succeeded(current, now), null, outcome).ConfigureAwait(false);
            if (after is not null)
            {
                SchedulingLog.Succeeded(_logger, current.Id, elapsed.TotalMilliseconds, NextText(after));
            }
        }
    }

    /// <summary>Stores the job's next state with <paramref name="outcome"/> added to its history (as <see cref="SchedulingOptions.History"/> keeps it).</summary>
    private async Task<ScheduledJob?> FinishAsync(ScheduledJob current, Func<ScheduledJob> transition, Exception? failure, JobOutcome outcome)
    {
        ScheduledJob next;
        try
        {
            next = transition();
        }
        catch (ScheduledJobRequestException ex)
        {
            // A stored cron or time zone that no longer parses (edited by hand): stop the job, keep why.
            next = current with { Status = ScheduledJobStatus.Failed, LeaseUntil = null, LeaseHolder = null, LastError = ex.Message, UpdatedAt = _time.GetUtcNow() };
        }

        next = next with { History = JobHistory.Append(current.History, outcome, _options.History, outcome.At) };
        try
        {
            var stored = await _store.TryReplaceAsync(next, CancellationToken.None).ConfigureAwait(false);
            if (stored is null)
            {
                SchedulingLog.LeaseLost(_logger, current.Id);
            }

            return stored;
        }
        catch (Exception ex)
        {
            SchedulingLog.FinishFailed(_logger, failure is null ? ex : new AggregateException(ex, failure), current.Id);
            return null;
        }
    }

    private void Failed(TickCounters counters)
    {
        counters.Failed();
        _pulse?.Count(PulseScopes.Scheduler, PulseCounter.JobsFailed);
    }

    private static bool IsMisfire(ScheduledJob job, DateTimeOffset now)
    {
        try
        {
            return JobTransitions.IsMisfire(job, now);
        }
        catch (ScheduledJobRequestException)
        {
            return false;
        }
    }

    private static string NextText(ScheduledJob job) => job.Status switch
    {
        ScheduledJobStatus.Pending => $"next at {job.ScheduleAt:O}",
        ScheduledJobStatus.Completed => "completed",
        _ => "marked failed",
    };

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
