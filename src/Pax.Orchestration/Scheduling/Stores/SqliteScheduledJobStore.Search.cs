using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Scheduling.Stores;

/// <content>The dashboard's job search (<see cref="IScheduledJobStoreQueries.SearchAsync"/>).</content>
public sealed partial class SqliteScheduledJobStore
{
    /// <inheritdoc />
    /// <remarks>One indexed range read: <c>scheduler_jobs_pending</c> (status, schedule_at), with a type <c>scheduler_jobs_type</c> (status, type, schedule_at).</remarks>
    public Task<IReadOnlyList<ScheduledJob>> SearchAsync(ScheduledJobSearch search, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        StoreQueryLimits.Check(limit);
        return ExecuteAsync(async command =>
        {
            var where = new List<string> { "status = $status" };
            command.Parameters.AddWithValue("$status", JobStatusText.Of(search.Status));
            if (search.Type is { } type)
            {
                where.Add("type = $type");
                command.Parameters.AddWithValue("$type", type);
            }

            if (search.From is { } from)
            {
                where.Add("schedule_at >= $from");
                command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            }

            if (search.Until is { } until)
            {
                where.Add("schedule_at < $until");
                command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            }

            if (after is not null)
            {
                where.Add("(schedule_at > $at OR (schedule_at = $at AND id > $id))");
                command.Parameters.AddWithValue("$at", after.ScheduleAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$id", after.Id);
            }

            command.CommandText = $"SELECT {SqliteJobRows.Columns} FROM scheduler_jobs WHERE {string.Join(" AND ", where)} ORDER BY schedule_at, id LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            return await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
