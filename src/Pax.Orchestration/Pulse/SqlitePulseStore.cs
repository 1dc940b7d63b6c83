using Microsoft.Data.Sqlite;

namespace Pax.Orchestration.Pulse;

/// <summary>
/// Hourly counts in a SQLite file (the store's own file, its own table): one row per scope and UTC hour,
/// <c>{table}(scope, hour, reports, duplicates, rejections, triggers, triggerFailures, jobsRun, jobsFailed)</c>, added
/// to with one upsert per row; the last 24 hours are one range read of the <c>hour</c> index. SQLite serializes writers
/// per file, so no sharding is needed.
/// </summary>
internal sealed class SqlitePulseStore : IPulseStore
{
    private static readonly string Columns = string.Join(", ", PulseBucket.Counters.Select(c => c.Name));
    private readonly string _connectionString;
    private readonly string _table;
    private volatile bool _created;

    /// <param name="path">The database file (already prepared by the store that owns it).</param>
    /// <param name="table">The table: <c>pax_pulse</c> or <c>scheduler_pulse</c>.</param>
    public SqlitePulseStore(string path, string table)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _table = table;
    }

    public Task AddAsync(IReadOnlyList<PulseBucket> deltas, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            var assignments = string.Join(", ", PulseBucket.Counters.Select(c => $"{c.Name} = {c.Name} + excluded.{c.Name}"));
            var values = string.Join(", ", PulseBucket.Counters.Select(c => "$" + c.Name));
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var delta in deltas)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO {_table} (scope, hour, {Columns}) VALUES ($scope, $hour, {values}) ON CONFLICT (scope, hour) DO UPDATE SET {assignments}";
                command.Parameters.AddWithValue("$scope", delta.Scope);
                command.Parameters.AddWithValue("$hour", delta.Hour.ToUnixTimeMilliseconds());
                foreach (var (counter, name) in PulseBucket.Counters)
                {
                    command.Parameters.AddWithValue("$" + name, delta.Counts[(int)counter]);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task<(IReadOnlyList<PulseBucket> Buckets, bool Truncated)> ReadSinceAsync(DateTimeOffset fromHour, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<(IReadOnlyList<PulseBucket>, bool)>(async connection =>
        {
            // Newest hour first, one more than the limit: the extra row only says that older ones were cut.
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT scope, hour, {Columns} FROM {_table} WHERE hour >= $from ORDER BY hour DESC LIMIT $limit";
            command.Parameters.AddWithValue("$from", fromHour.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit + 1);
            var buckets = new List<PulseBucket>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var counts = PulseBucket.NoCounts();
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = reader.GetInt64(2 + i);
                }

                buckets.Add(new PulseBucket(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), counts));
            }

            return buckets.Count > limit ? (buckets[..limit], true) : (buckets, false);
        }, cancellationToken);

    public Task<int> DeleteBeforeAsync(DateTimeOffset beforeHour, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {_table} WHERE rowid IN (SELECT rowid FROM {_table} WHERE hour < $before ORDER BY hour LIMIT $limit)";
            command.Parameters.AddWithValue("$before", beforeHour.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_created)
            {
                using var create = connection.CreateCommand();
                var counters = string.Join(", ", PulseBucket.Counters.Select(c => c.Name + " INTEGER NOT NULL DEFAULT 0"));
                create.CommandText = $"""
                    CREATE TABLE IF NOT EXISTS {_table} (scope TEXT NOT NULL, hour INTEGER NOT NULL, {counters}, PRIMARY KEY (scope, hour));
                    CREATE INDEX IF NOT EXISTS {_table}_hour ON {_table} (hour);
                    """;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _created = true;
            }

            return await work(connection).ConfigureAwait(false);
        }
    }
}
