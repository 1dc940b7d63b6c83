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
/// host claim each job once; <c>scheduler_shards</c> holds the shard leases. SQLite is for one host: WAL needs shared memory, so not a network file system, and a Cloud
/// Run service with several instances needs <see cref="FirestoreScheduledJobStore"/>. Handled deliveries older than 7
/// days are pruned.
/// </summary>
public sealed class SqliteScheduledJobStore : IScheduledJobStore, IScheduledJobStoreQueries, IShardedJobStore
{
    private static readonly TimeSpan TickRetention = TimeSpan.FromDays(7);
    private readonly string _connectionString;
    private volatile bool _created;

    /// <summary>Initializes a store on <see cref="SchedulingOptions.Sqlite"/>'s path (its directory is created).</summary>
    /// <param name="options">The scheduling options.</param>
    public SqliteScheduledJobStore(IOptions<SchedulingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.Value.Sqlite.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
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
    /// <remarks>A listed row of a file written before shards gets its shard (one update for those rows, only when there are some).</remarks>
    public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => ExecuteAsync(async command =>
    {
        command.CommandText = $"SELECT {SqliteJobRows.Columns} FROM scheduler_jobs WHERE {SqliteJobRows.Due} ORDER BY schedule_at LIMIT $limit";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var unsharded = new List<string>();
        var due = await SqliteJobRows.ReadAllAsync(command, cancellationToken, unsharded).ConfigureAwait(false);
        foreach (var id in unsharded)
        {
            command.Parameters.Clear();
            command.CommandText = "UPDATE scheduler_jobs SET shard = $shard WHERE id = $id AND shard IS NULL";
            command.Parameters.AddWithValue("$shard", JobShards.Of(id));
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return due;
    }, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<ScheduledJob>> IShardedJobStore.ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken) => ExecuteAsync(async command =>
    {
        command.CommandText = $"SELECT {SqliteJobRows.Columns} FROM scheduler_jobs WHERE shard = $shard AND {SqliteJobRows.Due} ORDER BY schedule_at LIMIT $limit";
        command.Parameters.AddWithValue("$shard", shard);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyCollection<int>> IShardedJobStore.ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken) => ExecuteAsync(async command =>
    {
        command.CommandText = "SELECT shard FROM scheduler_shards WHERE lease_until > $now";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var shards = new List<int>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                shards.Add(reader.GetInt32(0));
            }
        }

        return (IReadOnlyCollection<int>)shards;
    }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One upsert: a row per shard, taken over only when its lease has ended; its version grows with every take and release.</remarks>
    Task<string?> IShardedJobStore.TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(holder);
        return ExecuteAsync(async command =>
        {
            command.CommandText = """
                INSERT INTO scheduler_shards (shard, holder, lease_until, version) VALUES ($shard, $holder, $until, 1)
                ON CONFLICT (shard) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until, version = version + 1
                WHERE lease_until <= $now
                RETURNING version
                """;
            command.Parameters.AddWithValue("$shard", shard);
            command.Parameters.AddWithValue("$holder", holder);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return version is long taken ? taken.ToString(CultureInfo.InvariantCulture) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task IShardedJobStore.ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return ExecuteAsync(async command =>
        {
            command.CommandText = "UPDATE scheduler_shards SET lease_until = 0, version = version + 1 WHERE shard = $shard AND version = $version";
            command.Parameters.AddWithValue("$shard", shard);
            command.Parameters.AddWithValue("$version", long.Parse(version, NumberStyles.None, CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

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
        var shards = connection.CreateCommand();
        await using (shards.ConfigureAwait(false))
        {
            shards.CommandText = SqliteJobRows.ShardSchema;
            await shards.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
