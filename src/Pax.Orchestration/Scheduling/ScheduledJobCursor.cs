namespace Pax.Orchestration.Scheduling;

/// <summary>A position in <see cref="IScheduledJobStoreQueries.ListByStatusAsync"/>'s order: the next page starts after this job.</summary>
/// <param name="ScheduleAt">The job's <see cref="ScheduledJob.ScheduleAt"/>.</param>
/// <param name="Id">The job's id (breaks ties between jobs due at the same instant).</param>
public sealed record ScheduledJobCursor(DateTimeOffset ScheduleAt, string Id)
{
    /// <summary>Returns the cursor that continues after <paramref name="job"/>.</summary>
    /// <param name="job">The last job of a page.</param>
    /// <returns>The cursor.</returns>
    public static ScheduledJobCursor After(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ScheduledJobCursor(job.ScheduleAt, job.Id);
    }
}
