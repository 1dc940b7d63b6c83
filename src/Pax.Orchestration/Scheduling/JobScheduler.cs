using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling;

/// <summary>
/// The lease-based tick scheduler. Each <see cref="RunTickAsync(string?, CancellationToken)"/> (Cloud Scheduler calls
/// <c>POST /cron/tick</c>, typically every minute) finds the shards with due jobs, takes one shard's lease at a time,
/// earliest due first (skipping shards another tick holds, so concurrent ticks work on different jobs), lists its due
/// jobs, claims each
/// with a compare-and-swap so concurrent ticks on several instances never run one job twice, runs its handler while
/// renewing the job's lease, then completes it,
/// moves a recurring job to its next occurrence, retries with exponential backoff and jitter, or marks it failed after
/// <see cref="ScheduledJob.MaxAttempts"/>. Work per tick is bounded by <see cref="SchedulingOptions.MaxJobsPerTick"/>
/// and <see cref="SchedulingOptions.TickBudget"/>.
/// </summary>
public sealed class JobScheduler
{
    private readonly IScheduledJobStore _store;
    private readonly IServiceProvider _services;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobScheduler> _logger;
    private readonly SchedulingMetrics _metrics;
    private readonly ITickRound _round;

    /// <summary>Initializes a scheduler. Resolve it from DI after <c>AddPaxScheduling</c>.</summary>
    /// <param name="store">The job store.</param>
    /// <param name="services">Where handlers are resolved, keyed by job type.</param>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="meterFactory">The meter factory.</param>
    public JobScheduler(IScheduledJobStore store, IServiceProvider services, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<JobScheduler> logger, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _store = store;
        _services = services;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = new SchedulingMetrics(meterFactory);
        var runner = new JobRunner(store, services, _options, time, logger);
        _round = store switch
        {
            IClaimingJobStore claiming => new ClaimingTickRound(claiming, _options, time, runner),
            IShardedJobStore sharded => new ShardedTickRound(sharded, _options, time, logger, runner),
            _ => new UnshardedTickRound(store, _options, time, runner),
        };
    }

    /// <summary>Gets the registered job types (handlers added with <c>AddScheduledJobHandler</c>).</summary>
    public IReadOnlyCollection<string> JobTypes =>
        _services.GetServices<ScheduledJobHandlerRegistration>().Select(r => r.Type).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Runs one tick.</summary>
    /// <param name="cancellationToken">Aborts the tick: no further claims, running handlers are cancelled and their jobs released.</param>
    /// <returns>What the tick did.</returns>
    public Task<TickResult> RunTickAsync(CancellationToken cancellationToken) => RunTickAsync(null, cancellationToken);

    /// <summary>
    /// Runs one tick, once per <paramref name="deliveryKey"/>: a repeated delivery runs nothing. The caller vouches that
    /// the delivery is not ahead of the time its key names; for Cloud Scheduler deliveries use
    /// <see cref="RunTickAsync(string?, DateTimeOffset?, CancellationToken)"/> with the schedule time.
    /// </summary>
    /// <param name="deliveryKey">The delivery's key (from <c>X-CloudScheduler-JobName</c> and <c>X-CloudScheduler-ScheduleTime</c>), or <see langword="null"/> to always run.</param>
    /// <param name="cancellationToken">Aborts the tick: no further claims, running handlers are cancelled and their jobs released.</param>
    /// <returns>What the tick did.</returns>
    public Task<TickResult> RunTickAsync(string? deliveryKey, CancellationToken cancellationToken) => RunTickAsync(deliveryKey, null, cancellationToken);

    /// <summary>
    /// Runs one tick for a Cloud Scheduler delivery, de-duplicated so that it saves work but never loses a tick. A
    /// delivery is recorded under <paramref name="deliveryKey"/> (before its jobs are listed) only when it arrives at or
    /// after <paramref name="scheduleTime"/>: such a tick lists the jobs due by the schedule time (within its
    /// <see cref="SchedulingOptions.MaxJobsPerTick"/> and <see cref="SchedulingOptions.TickBudget"/>, like any tick), so a
    /// repeat of that key — Scheduler's at-least-once duplicate or retry, while the first still runs or after it ended —
    /// would add nothing the next tick does not, and runs nothing (<see cref="TickResult.DuplicateDelivery"/>). A delivery that arrives before its schedule time
    /// (a force run, <c>gcloud scheduler jobs run</c>, may carry the <i>next</i> scheduled time) runs but is not recorded
    /// (<see cref="TickResult.AheadOfSchedule"/>), so the real tick of that time still runs. A tick that fails forgets its
    /// record, so Scheduler's retry runs. Claims stay compare-and-swap throughout: a tick that runs twice runs no job twice.
    /// </summary>
    /// <param name="deliveryKey">The delivery's key (scheduler job name and schedule time), or <see langword="null"/> to always run.</param>
    /// <param name="scheduleTime">The delivery's <c>X-CloudScheduler-ScheduleTime</c>, or <see langword="null"/> when the caller vouches that it is not ahead of time.</param>
    /// <param name="cancellationToken">Aborts the tick: no further claims, running handlers are cancelled and their jobs released.</param>
    /// <returns>What the tick did.</returns>
    public async Task<TickResult> RunTickAsync(string? deliveryKey, DateTimeOffset? scheduleTime, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        var ahead = deliveryKey is not null && scheduleTime > now;
        if (ahead)
        {
            SchedulingLog.AheadOfSchedule(_logger, deliveryKey!, scheduleTime!.Value, now);
            deliveryKey = null;
        }

        if (deliveryKey is not null && !await _store.TryRecordTickAsync(deliveryKey, now, cancellationToken).ConfigureAwait(false))
        {
            SchedulingLog.DuplicateDelivery(_logger, deliveryKey);
            var duplicate = new TickResult { DuplicateDelivery = true, Duration = _time.GetElapsedTime(started) };
            _metrics.Record(duplicate);
            return duplicate;
        }

        var counters = new TickCounters();
        try
        {
            using var budget = new CancellationTokenSource(_options.TickBudget, _time);
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
            while (await _round.RunAsync(counters, tick.Token).ConfigureAwait(false))
            {
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception) when (deliveryKey is not null)
        {
            // The tick failed: forget the delivery so Cloud Scheduler's retry runs (claims keep any job from running twice).
            await ReleaseDeliveryAsync(deliveryKey).ConfigureAwait(false);
            throw;
        }

        var result = counters.ToResult(_time.GetElapsedTime(started)) with { AheadOfSchedule = ahead };
        SchedulingLog.TickDone(_logger, result.Duration.TotalMilliseconds, result.JobsChecked, result.JobsClaimed, result.JobsExecuted,
            result.JobsSucceeded, result.JobsFailed, result.JobsSkippedClaimed, result.JobsMisfireSkipped, result.ShardsBusy);
        _metrics.Record(result);
        return result;
    }

    /// <summary>Creates a job.</summary>
    /// <param name="request">The job to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored job, or <see langword="null"/> when a job with that id exists.</returns>
    /// <exception cref="ScheduledJobRequestException">The request is not valid (unknown type, bad cron, time zone, payload, id or attempts), with the reason.</exception>
    public async Task<ScheduledJob?> TryCreateJobAsync(ScheduledJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScheduledJob job;
        var scope = _services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            job = JobRequestValidator.Validate(request, scope.ServiceProvider.GetKeyedService<IScheduledJobHandler>, JobTypes, _options, _time.GetUtcNow());
        }

        var stored = await _store.TryCreateAsync(job, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            SchedulingLog.Created(_logger, stored.Id, stored.Type, stored.ScheduleAt);
        }

        return stored;
    }

    /// <summary>Reads a job as stored.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    public async Task<ScheduledJob?> GetJobAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return JobRequestValidator.IsValidId(id) ? await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    private async Task ReleaseDeliveryAsync(string deliveryKey)
    {
        try
        {
            await _store.ReleaseTickAsync(deliveryKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SchedulingLog.ReleaseFailed(_logger, ex, deliveryKey);
        }
    }
}
