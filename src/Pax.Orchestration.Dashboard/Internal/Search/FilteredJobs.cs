using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// One page of the jobs in a status under a <see cref="JobFilter"/>, with one bounded store call: an id is one read
/// (<see cref="IScheduledJobStore.GetAsync"/>, shown under its status), anything else one
/// <see cref="IScheduledJobStoreQueries.SearchAsync"/> (type, due-time range).
/// </summary>
internal static class FilteredJobs
{
    public static async Task<IReadOnlyList<ScheduledJob>> ReadAsync(
        IScheduledJobStore? store, IScheduledJobStoreQueries queries, ScheduledJobStatus status, JobFilter filter, int pageSize, ScheduledJobCursor? after, CancellationToken cancellationToken)
    {
        if (filter.Id is { } id)
        {
            var job = store is null || after is not null ? null : await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return job is not null && job.Status == status
                && (filter.Type is null || job.Type == filter.Type)
                && (filter.From is null || job.ScheduleAt >= filter.From) && (filter.Until is null || job.ScheduleAt < filter.Until)
                ? [job]
                : [];
        }

        var search = new ScheduledJobSearch { Status = status, Type = filter.Type, From = filter.From, Until = filter.Until };
        return await queries.SearchAsync(search, pageSize, after, cancellationToken).ConfigureAwait(false);
    }
}
