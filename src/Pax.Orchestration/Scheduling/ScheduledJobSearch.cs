namespace Pax.Orchestration.Scheduling;

/// <summary>
/// What <see cref="IScheduledJobStoreQueries.SearchAsync"/> looks for: the jobs in one status, optionally of one type and
/// due within a time range, in <see cref="IScheduledJobStoreQueries.ListByStatusAsync"/>'s order (due time, then id).
/// </summary>
public sealed class ScheduledJobSearch
{
    /// <summary>Gets the status to list.</summary>
    public required ScheduledJobStatus Status { get; init; }

    /// <summary>Gets only jobs of this <see cref="ScheduledJob.Type"/>, or <see langword="null"/> for all.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the earliest <see cref="ScheduledJob.ScheduleAt"/> to keep, inclusive; <see langword="null"/> for no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the end of the due-time range, exclusive; <see langword="null"/> for no bound.</summary>
    public DateTimeOffset? Until { get; init; }
}
