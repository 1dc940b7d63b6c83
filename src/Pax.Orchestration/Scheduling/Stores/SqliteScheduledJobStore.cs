using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Scheduling.Stores;

/// <summary>
/// Jobs in a SQLite file (the embedded default, replacing JSON files): table <c>scheduler_jobs</c> with the Firestore
/// layout's fields as columns (timestamps in Unix milliseconds, <c>payload</c> as JSON text) plus a row
/// <c>version</c>, and table <c>scheduler_ticks</c> for handled deliveries. Every change is one statement guarded by
/// the version, in WAL mode with a busy timeout, so concurrent ticks in one process or in several processes on one
/// host claim each job once. A tick claims the next due jobs in one <c>BEGIN IMMEDIATE</c> transaction (select, then an
/// update per job), so concurrent ticks never race for the same jobs and a batch costs one write transaction. SQLite is for one host: WAL needs shared memory, so not a network file system, and a Cloud
/// Run service with several instances needs <see cref="FirestoreScheduledJobStore"/>. Handled deliveries older than 7
/// days are pruned.
/// </summary>
public sealed partial class SqliteScheduledJobStore : IScheduledJobStore, IScheduledJobStoreQueries, IClaimingJobStore
{
    private static readonly TimeSpan TickRetention = TimeSpan.FromDays(7);
    private const string BusyTimeout = "PRAGMA busy_timeout = 30000";
    private readonly string _connectionString;
    private volatile bool _created;

    /// <summary>Initializes a store on <see cref="SchedulingOptions.Sqlite"/>'s path (its directory is created).</summary>
    /// <param name="options">The scheduling options.</param>
    public SqliteScheduledJobStore(IOptions<SchedulingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = SqliteDatabasePath.Prepare(options.Value.Sqlite.Path, SchedulingOptions.SectionName + ":Sqlite:Path");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <inheritdoc />
    public Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ExecuteAsync(async command =>
        {
            command.CommandText = $"INSERT INTO scheduler_jobs ({SqliteJobRows.Columns}) VALUES ({SqliteJobRows.Parameters}) ON CONFLICT (id) DO NOTHING";
            SqliteJobRows.Bind(command, job, version: 1);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? SqliteJobRows.AsStored(job, 1) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken) => ExecuteAsync(async command =>
    {
        command.CommandText = $"SELECT {SqliteJobRows.Columns} FROM scheduler_jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var jobs = await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return jobs.Count == 0 ? null : jobs[0];
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => ExecuteAsync(async command =>
    {
        command.CommandText = SqliteJobRows.Due;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One <c>BEGIN IMMEDIATE</c> transaction: it takes the file's write lock first (waiting up to the busy timeout), so
    /// the due rows it selects cannot be claimed by another connection before its updates commit.
    /// </remarks>
    Task<IReadOnlyList<ScheduledJob>> IClaimingJobStore.ClaimDueAsync(DateTimeOffset now, int limit, Func<ScheduledJob, ScheduledJob> claim, CancellationToken cancellationToken) =>
        ExecuteAsync(async command =>
        {
            var transaction = command.Connection!.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
            await using (transaction.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = SqliteJobRows.Due;
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
                var due = await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
                var claimed = new List<ScheduledJob>(due.Count);
                command.CommandText = $"UPDATE scheduler_jobs SET {SqliteJobRows.Assignments} WHERE id = $id AND version = $expected";
                foreach (var job in due)
                {
                    var version = long.Parse(job.Version!, NumberStyles.None, CultureInfo.InvariantCulture);
                    var next = claim(job);
                    command.Parameters.Clear();
                    SqliteJobRows.Bind(command, next, version + 1);
                    command.Parameters.AddWithValue("$expected", version);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    claimed.Add(SqliteJobRows.AsStored(next, version + 1));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<ScheduledJob>)claimed;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!long.TryParse(job.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"Job '{job.Id}' carries no version of this store ('{job.Version}'); read it from the store first.", nameof(job));
        }

        return ExecuteAsync(async command =>
        {
            command.CommandText = $"UPDATE scheduler_jobs SET {SqliteJobRows.Assignments} WHERE id = $id AND version = $expected";
            SqliteJobRows.Bind(command, job, version + 1);
            command.Parameters.AddWithValue("$expected", version);
            var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return changed == 1 ? SqliteJobRows.AsStored(job, version + 1) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        return ExecuteAsync(async command =>
        {
            command.CommandText = "DELETE FROM scheduler_ticks WHERE recorded_at < $expired";
            command.Parameters.AddWithValue("$expired", (now - TickRetention).ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            command.CommandText = "INSERT INTO scheduler_ticks (delivery_key, recorded_at) VALUES ($key, $now) ON CONFLICT (delivery_key) DO NOTHING";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$key", deliveryKey);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        return ExecuteAsync(async command =>
        {
            command.CommandText = "DELETE FROM scheduler_ticks WHERE delivery_key = $key";
            command.Parameters.AddWithValue("$key", deliveryKey);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One range read on the <c>scheduler_jobs_pending</c> index (<c>status, schedule_at</c>).</remarks>
    public Task<IReadOnlyList<ScheduledJob>> ListByStatusAsync(ScheduledJobStatus status, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        return ExecuteAsync(async command =>
        {
            var position = after is null ? string.Empty : "AND (schedule_at > $at OR (schedule_at = $at AND id > $id))";
            command.CommandText = $"SELECT {SqliteJobRows.Columns} FROM scheduler_jobs WHERE status = $status {position} ORDER BY schedule_at, id LIMIT $limit";
            command.Parameters.AddWithValue("$status", JobStatusText.Of(status));
            command.Parameters.AddWithValue("$limit", limit);
            if (after is not null)
            {
                command.Parameters.AddWithValue("$at", after.ScheduleAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$id", after.Id);
            }

            return await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryDeleteAsync(string id, string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return Task.FromResult(false);
        }

        return ExecuteAsync(async command =>
        {
            command.CommandText = "DELETE FROM scheduler_jobs WHERE id = $id AND version = $expected";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$expected", expected);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    private async Task<T> ExecuteAsync<T>(Func<SqliteCommand, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_created)
            {
                // Idempotent (IF NOT EXISTS), so concurrent first calls are harmless.
                await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                _created = true;
            }

            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // SQLite's own busy handler waits for a locked file in steps of a few ms; without it Microsoft.Data.Sqlite
                // retries a busy statement after 150 ms sleeps, which made concurrent ticks' claims and completions queue.
                command.CommandText = BusyTimeout;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return await work(command).ConfigureAwait(false);
            }
        }
    }

    private static async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = SqliteJobRows.Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await SqliteColumns.AddMissingAsync(connection, "scheduler_jobs", SqliteJobRows.AddedColumns, cancellationToken).ConfigureAwait(false);
    }
}
