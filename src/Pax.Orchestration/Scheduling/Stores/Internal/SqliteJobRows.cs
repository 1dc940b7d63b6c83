using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling.Stores.Internal;

/// <summary>The <c>scheduler_jobs</c> table (schema, column list, row mapping) and the shard leases' <c>scheduler_shards</c>.</summary>
internal static class SqliteJobRows
{
    public const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS scheduler_jobs (
            id TEXT PRIMARY KEY NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            schedule_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            lease_until INTEGER NULL,
            attempts INTEGER NOT NULL,
            max_attempts INTEGER NOT NULL,
            last_error TEXT NULL,
            cron TEXT NULL,
            time_zone TEXT NULL,
            misfire TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            occurrence_at INTEGER NULL,
            version INTEGER NOT NULL,
            lease_holder TEXT NULL,
            shard INTEGER NULL);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_pending ON scheduler_jobs (status, schedule_at);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_leases ON scheduler_jobs (status, lease_until);
        CREATE TABLE IF NOT EXISTS scheduler_ticks (delivery_key TEXT PRIMARY KEY NOT NULL, recorded_at INTEGER NOT NULL);
        """;

    /// <summary>What needs the columns <see cref="AddedColumns"/> brings to older files: run after them.</summary>
    public const string ShardSchema = """
        CREATE INDEX IF NOT EXISTS scheduler_jobs_shard_pending ON scheduler_jobs (status, shard, schedule_at);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_shard_leases ON scheduler_jobs (status, shard, lease_until);
        CREATE TABLE IF NOT EXISTS scheduler_shards (
            shard INTEGER PRIMARY KEY NOT NULL, holder TEXT NOT NULL, lease_until INTEGER NOT NULL, version INTEGER NOT NULL);
        """;

    /// <summary>The condition of a due job (<c>$now</c> in Unix milliseconds).</summary>
    public const string Due = "((status = 'pending' AND schedule_at <= $now) OR (status = 'running' AND lease_until <= $now))";


    private static readonly string[] Names =
        ["id", "type", "payload", "schedule_at", "status", "lease_until", "attempts", "max_attempts", "last_error", "cron", "time_zone", "misfire", "created_at", "updated_at", "occurrence_at", "version", "lease_holder", "shard"];

    /// <summary>
    /// Columns added after the first release, with their definitions: added with ALTER TABLE to older files. Their rows
    /// get a shard when they are next listed as due, or written.
    /// </summary>
    public static readonly (string Name, string Definition)[] AddedColumns = [("lease_holder", "TEXT NULL"), ("shard", "INTEGER NULL")];

    public static readonly string Columns = string.Join(", ", Names);

    private static readonly int ShardOrdinal = Array.IndexOf(Names, "shard");

    public static readonly string Parameters = string.Join(", ", Names.Select(n => "$" + n));

    public static readonly string Assignments = string.Join(", ", Names.Skip(1).Select(n => $"{n} = ${n}"));

    public static void Bind(SqliteCommand command, ScheduledJob job, long version)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", job.Id);
        p.AddWithValue("$type", job.Type);
        p.AddWithValue("$payload", job.Payload.GetRawText());
        p.AddWithValue("$schedule_at", job.ScheduleAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$status", JobStatusText.Of(job.Status));
        p.AddWithValue("$lease_until", (object?)job.LeaseUntil?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$attempts", job.Attempts);
        p.AddWithValue("$max_attempts", job.MaxAttempts);
        p.AddWithValue("$last_error", (object?)job.LastError ?? DBNull.Value);
        p.AddWithValue("$cron", (object?)job.Cron ?? DBNull.Value);
        p.AddWithValue("$time_zone", (object?)job.TimeZone ?? DBNull.Value);
        p.AddWithValue("$misfire", JobStatusText.Of(job.Misfire));
        p.AddWithValue("$created_at", job.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$updated_at", job.UpdatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$occurrence_at", (object?)job.OccurrenceAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$version", version);
        p.AddWithValue("$lease_holder", (object?)job.LeaseHolder ?? DBNull.Value);
        p.AddWithValue("$shard", job.Shard);
    }

    /// <summary>Returns <paramref name="job"/> as a read would give it back: times at millisecond precision, with its version.</summary>
    public static ScheduledJob AsStored(ScheduledJob job, long version) => job with
    {
        ScheduleAt = Time(job.ScheduleAt.ToUnixTimeMilliseconds()),
        LeaseUntil = job.LeaseUntil is { } lease ? Time(lease.ToUnixTimeMilliseconds()) : null,
        OccurrenceAt = job.OccurrenceAt is { } occurrence ? Time(occurrence.ToUnixTimeMilliseconds()) : null,
        CreatedAt = Time(job.CreatedAt.ToUnixTimeMilliseconds()),
        UpdatedAt = Time(job.UpdatedAt.ToUnixTimeMilliseconds()),
        Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the jobs a query returns; the ids of rows stored without a shard go to <paramref name="unsharded"/> when given.</summary>
    public static async Task<IReadOnlyList<ScheduledJob>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken, List<string>? unsharded = null)
    {
        var jobs = new List<ScheduledJob>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var job = Read(reader);
                jobs.Add(job);
                if (reader.IsDBNull(ShardOrdinal))
                {
                    unsharded?.Add(job.Id);
                }
            }
        }

        return jobs;
    }

    private static ScheduledJob Read(SqliteDataReader r)
    {
        using var payload = JsonDocument.Parse(r.GetString(2));
        return new ScheduledJob
        {
            Id = r.GetString(0),
            Type = r.GetString(1),
            Payload = payload.RootElement.Clone(),
            ScheduleAt = Time(r.GetInt64(3)),
            Status = JobStatusText.ParseStatus(r.GetString(4)),
            LeaseUntil = r.IsDBNull(5) ? null : Time(r.GetInt64(5)),
            Attempts = r.GetInt32(6),
            MaxAttempts = r.GetInt32(7),
            LastError = r.IsDBNull(8) ? null : r.GetString(8),
            Cron = r.IsDBNull(9) ? null : r.GetString(9),
            TimeZone = r.IsDBNull(10) ? null : r.GetString(10),
            Misfire = JobStatusText.ParseMisfire(r.GetString(11)),
            CreatedAt = Time(r.GetInt64(12)),
            UpdatedAt = Time(r.GetInt64(13)),
            OccurrenceAt = r.IsDBNull(14) ? null : Time(r.GetInt64(14)),
            Version = r.GetInt64(15).ToString(System.Globalization.CultureInfo.InvariantCulture),
            LeaseHolder = r.IsDBNull(16) ? null : r.GetString(16),
        };
    }

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
