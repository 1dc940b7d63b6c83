namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The job's next state after a run; pure, so each rule is tested on its own.</summary>
internal static class JobTransitions
{
    /// <summary>
    /// How late an occurrence may run before it counts as missed, on top of the next occurrence being due: one Cloud
    /// Scheduler period, so a cron finer than the tick (every 30 s, ticked every minute) is not skipped forever.
    /// </summary>
    public static readonly TimeSpan MisfireTolerance = TimeSpan.FromMinutes(1);

    /// <summary>The process that claims jobs, as <see cref="ScheduledJob.LeaseHolder"/> records it.</summary>
    public static readonly string ThisProcess = Pax.Orchestration.Internal.InstanceIdentity.Current;

    public static ScheduledJob Claim(ScheduledJob due, DateTimeOffset now, TimeSpan lease, string? holder = null) => due with
    {
        Status = ScheduledJobStatus.Running,
        LeaseUntil = now + lease,
        LeaseHolder = holder,
        Attempts = due.Attempts + 1,
        OccurrenceAt = due.Occurrence,
        UpdatedAt = now,
    };

    /// <summary>After a success: a recurring job waits for its next occurrence (per misfire policy), a one-off job is completed.</summary>
    public static ScheduledJob Succeeded(ScheduledJob job, DateTimeOffset now)
    {
        var occurrence = job.Occurrence;
        var next = JobRecurrence.For(job)?.Next(job.Misfire == MisfirePolicy.RunAll ? occurrence : Later(occurrence, now));
        return next is { } at
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = at, OccurrenceAt = null, Attempts = 0, LastError = null }
            : Released(job, now) with { Status = ScheduledJobStatus.Completed, LastError = null };
    }

    /// <summary>
    /// After a failure: retried after <paramref name="retryDelay"/> (same occurrence) while attempts remain; then a
    /// one-off job is failed and a recurring job moves to its next occurrence, keeping the error.
    /// </summary>
    public static ScheduledJob Failed(ScheduledJob job, string error, DateTimeOffset now, TimeSpan retryDelay)
    {
        if (job.Attempts < job.MaxAttempts)
        {
            return Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = now + retryDelay, OccurrenceAt = job.Occurrence, LastError = error };
        }

        return JobRecurrence.For(job)?.Next(now) is { } next
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = next, OccurrenceAt = null, Attempts = 0, LastError = error }
            : Released(job, now) with { Status = ScheduledJobStatus.Failed, LastError = error };
    }

    /// <summary>
    /// After an interruption (tick budget, shutdown, a lease that could not be renewed): due again at once for the
    /// same occurrence. The attempt counts, so a handler that never finishes within the budget ends as failed.
    /// </summary>
    public static ScheduledJob Interrupted(ScheduledJob job, string reason, DateTimeOffset now) =>
        Failed(job, "interrupted: " + reason, now, TimeSpan.Zero);

    /// <summary>Skips missed occurrences (<see cref="MisfirePolicy.Skip"/>): next occurrence after now, nothing run.</summary>
    public static ScheduledJob SkipMissed(ScheduledJob job, DateTimeOffset now) =>
        JobRecurrence.For(job)?.Next(now) is { } next
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = next, OccurrenceAt = null, Attempts = 0 }
            : Released(job, now) with { Status = ScheduledJobStatus.Completed };

    /// <summary>Returns whether the job's occurrence was missed: the occurrence after it was due more than <see cref="MisfireTolerance"/> ago.</summary>
    public static bool IsMisfire(ScheduledJob job, DateTimeOffset now) =>
        JobRecurrence.For(job)?.Next(job.Occurrence) is { } next && next + MisfireTolerance <= now;

    private static ScheduledJob Released(ScheduledJob job, DateTimeOffset now) => job with { LeaseUntil = null, LeaseHolder = null, UpdatedAt = now };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
