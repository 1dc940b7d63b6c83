namespace Pax.Orchestration.Pulse;

/// <summary>What one phase (or the scheduler) did in one UTC hour, as <see cref="PulseSource"/> reads it.</summary>
/// <param name="Scope">The phase name, <see cref="PulseSource.NoPhaseScope"/> or <see cref="PulseSource.SchedulerScope"/>.</param>
/// <param name="Hour">The hour's start (UTC).</param>
public sealed record PulseHour(string Scope, DateTimeOffset Hour)
{
    /// <summary>Gets the reports recorded.</summary>
    public long Reports { get; init; }

    /// <summary>Gets the reports that were duplicates.</summary>
    public long Duplicates { get; init; }

    /// <summary>Gets the deliveries rejected.</summary>
    public long Rejections { get; init; }

    /// <summary>Gets the next-phase triggers fired.</summary>
    public long Triggers { get; init; }

    /// <summary>Gets the trigger attempts that failed.</summary>
    public long TriggerFailures { get; init; }

    /// <summary>Gets the job handler runs started.</summary>
    public long JobsRun { get; init; }

    /// <summary>Gets the job runs that failed or were interrupted.</summary>
    public long JobsFailed { get; init; }

    internal static PulseHour From(PulseBucket bucket) => new(bucket.Scope, bucket.Hour)
    {
        Reports = bucket.Counts[(int)PulseCounter.Reports],
        Duplicates = bucket.Counts[(int)PulseCounter.Duplicates],
        Rejections = bucket.Counts[(int)PulseCounter.Rejections],
        Triggers = bucket.Counts[(int)PulseCounter.Triggers],
        TriggerFailures = bucket.Counts[(int)PulseCounter.TriggerFailures],
        JobsRun = bucket.Counts[(int)PulseCounter.JobsRun],
        JobsFailed = bucket.Counts[(int)PulseCounter.JobsFailed],
    };
}
