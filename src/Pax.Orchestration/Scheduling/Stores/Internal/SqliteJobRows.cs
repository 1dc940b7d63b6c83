using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling.Stores.Internal;

/// <summary>The <c>scheduler_jobs</c> table: schema, column list and row mapping.</summary>
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
            history TEXT NULL);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_pending ON scheduler_jobs (status, schedule_at);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_leases ON scheduler_jobs (status, lease_until);
        CREATE INDEX IF NOT EXISTS scheduler_jobs_type ON scheduler_jobs (status, type, schedule_at);
        CREATE TABLE IF NOT EXISTS scheduler_ticks (delivery_key TEXT PRIMARY KEY NOT NULL, recorded_at INTEGER NOT NULL);
        """;

    private static readonly string[] Names =
        ["id", "type", "payload", "schedule_at", "status", "lease_until", "attempts", "max_attempts", "last_error", "cron", "time_zone", "misfire", "created_at", "updated_at", "occurrence_at", "version", "lease_holder", "history"];

    /// <summary>Columns added after the first release, with their definitions: added with ALTER TABLE to older files.</summary>
    public static readonly (string Name, string Definition)[] AddedColumns = [("lease_holder", "TEXT NULL"), ("history", "TEXT NULL")];

    public static readonly string Columns = string.Join(", ", Names);

    /// <summary>
    /// The earliest due jobs (<c>$now</c>, <c>$limit</c>): pending and due, or running with an ended lease. Two range
    /// reads, one per index, each stopping at <c>$limit</c> rows: one <c>WHERE … OR …</c> made SQLite read and sort
    /// every due row, which a tick that claims a few jobs at a time paid on every claim.
    /// </summary>
    public static readonly string Due = $"""
        SELECT * FROM (SELECT {Columns} FROM scheduler_jobs WHERE status = 'pending' AND schedule_at <= $now ORDER BY schedule_at LIMIT $limit)
        UNION ALL
        SELECT * FROM (SELECT {Columns} FROM scheduler_jobs WHERE status = 'running' AND lease_until <= $now ORDER BY lease_until LIMIT $limit)
        ORDER BY schedule_at LIMIT $limit
        """;

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
        p.AddWithValue("$history", (object?)JobHistoryFields.ToJson(job.History) ?? DBNull.Value);
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

    public static async Task<IReadOnlyList<ScheduledJob>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<ScheduledJob>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(Read(reader));
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
            History = JobHistoryFields.FromJson(r.IsDBNull(17) ? null : r.GetString(17)),
        };
    }

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
