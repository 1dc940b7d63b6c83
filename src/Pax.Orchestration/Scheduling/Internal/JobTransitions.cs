namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The job's next state after a run; pure, so each rule is tested on its own.</summary>
internal static class JobTransitions
{
    public static ScheduledJob Claim(ScheduledJob due, DateTimeOffset now, TimeSpan lease) =>
        due with { Status = ScheduledJobStatus.Running, LeaseUntil = now + lease, Attempts = due.Attempts + 1, UpdatedAt = now };

    /// <summary>After a success: a recurring job waits for its next occurrence (per misfire policy), a one-off job is completed.</summary>
    public static ScheduledJob Succeeded(ScheduledJob job, DateTimeOffset occurrence, DateTimeOffset now)
    {
        var recurrence = JobRecurrence.For(job);
        var next = recurrence?.Next(job.Misfire == MisfirePolicy.RunAll ? occurrence : Later(occurrence, now));
        return next is { } at
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = at, Attempts = 0, LastError = null }
            : Released(job, now) with { Status = ScheduledJobStatus.Completed, LastError = null };
    }

    /// <summary>
    /// After a failure: retried with backoff while attempts remain; then a one-off job is failed and a recurring job
    /// moves to its next occurrence (keeping the error).
    /// </summary>
    public static ScheduledJob Failed(ScheduledJob job, string error, DateTimeOffset now, TimeSpan retryDelay)
    {
        if (job.Attempts < job.MaxAttempts)
        {
            return Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = now + retryDelay, LastError = error };
        }

        return JobRecurrence.For(job)?.Next(now) is { } next
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = next, Attempts = 0, LastError = error }
            : Released(job, now) with { Status = ScheduledJobStatus.Failed, LastError = error };
    }

    /// <summary>After an interruption (tick budget, shutdown, a lease that could not be renewed): due again at once; the attempt does not count, since the handler did not fail.</summary>
    public static ScheduledJob Interrupted(ScheduledJob job, string reason, DateTimeOffset now) =>
        Released(job, now) with { Status = ScheduledJobStatus.Pending, Attempts = Math.Max(0, job.Attempts - 1), LastError = "interrupted: " + reason };

    /// <summary>Skips missed occurrences (<see cref="MisfirePolicy.Skip"/>): next occurrence after now, nothing run.</summary>
    public static ScheduledJob SkipMissed(ScheduledJob job, DateTimeOffset now) =>
        JobRecurrence.For(job)?.Next(now) is { } next
            ? Released(job, now) with { Status = ScheduledJobStatus.Pending, ScheduleAt = next, Attempts = 0 }
            : Released(job, now) with { Status = ScheduledJobStatus.Completed };

    /// <summary>Returns whether <paramref name="occurrence"/> was missed: the occurrence after it is also due.</summary>
    public static bool IsMisfire(ScheduledJob job, DateTimeOffset occurrence, DateTimeOffset now) =>
        JobRecurrence.For(job)?.Next(occurrence) is { } next && next <= now;

    private static ScheduledJob Released(ScheduledJob job, DateTimeOffset now) => job with { LeaseUntil = null, UpdatedAt = now };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
