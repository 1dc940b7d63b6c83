namespace Pax.Orchestration.Scheduling;

/// <summary>Where a job is in its life (stored as <c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c>).</summary>
public enum ScheduledJobStatus
{
    /// <summary>Waiting for <see cref="ScheduledJob.ScheduleAt"/> (first run, a retry, or a recurring job's next occurrence).</summary>
    Pending,

    /// <summary>Claimed by a tick until <see cref="ScheduledJob.LeaseUntil"/>; re-claimable once the lease has passed.</summary>
    Running,

    /// <summary>A one-off job that succeeded.</summary>
    Completed,

    /// <summary>A one-off job that failed <see cref="ScheduledJob.MaxAttempts"/> times; <see cref="ScheduledJob.LastError"/> says why.</summary>
    Failed,
}
