using System.Diagnostics.Metrics;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The scheduler's instruments on the <c>Pax.Orchestration</c> meter, named <c>pax.orchestration.scheduling.*</c>; each tick field has its counter.</summary>
internal sealed class SchedulingMetrics
{
    private readonly Counter<long> _checked;
    private readonly Counter<long> _claimed;
    private readonly Counter<long> _executed;
    private readonly Counter<long> _succeeded;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _skippedClaimed;
    private readonly Counter<long> _shardsBusy;
    private readonly Counter<long> _ticks;
    private readonly Histogram<double> _duration;

    public SchedulingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(OrchestrationMetrics.MeterName);
        _checked = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_checked", "{job}", "Due jobs a tick looked at.");
        _claimed = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_claimed", "{job}", "Jobs a tick claimed.");
        _executed = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_executed", "{job}", "Handler runs started.");
        _succeeded = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_succeeded", "{job}", "Handler runs that succeeded.");
        _failed = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_failed", "{job}", "Handler runs that failed or were interrupted.");
        _skippedClaimed = meter.CreateCounter<long>("pax.orchestration.scheduling.jobs_skipped_claimed", "{job}", "Due jobs another tick claimed first.");
        _shardsBusy = meter.CreateCounter<long>("pax.orchestration.scheduling.shards_busy", "{shard}", "Shards with due jobs a tick left to the tick that held their lease.");
        _ticks = meter.CreateCounter<long>("pax.orchestration.scheduling.ticks", "{tick}", "Ticks by outcome (run, duplicate).");
        _duration = meter.CreateHistogram<double>("pax.orchestration.scheduling.tick.duration", "s", "How long ticks took.");
    }

    public void Record(TickResult result)
    {
        _ticks.Add(1, new KeyValuePair<string, object?>("pax.outcome", result.DuplicateDelivery ? "duplicate" : "run"));
        _checked.Add(result.JobsChecked);
        _claimed.Add(result.JobsClaimed);
        _executed.Add(result.JobsExecuted);
        _succeeded.Add(result.JobsSucceeded);
        _failed.Add(result.JobsFailed);
        _skippedClaimed.Add(result.JobsSkippedClaimed);
        _shardsBusy.Add(result.ShardsBusy);
        _duration.Record(result.Duration.TotalSeconds);
    }
}
