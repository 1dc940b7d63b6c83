using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Scheduling;

namespace Pax.Benchmarks.Dashboard;

/// <summary>
/// The picture the dashboard benchmark reads: phase <c>collect</c> (processors cam-a, cam-b) with <c>tallies</c> run keys
/// <c>{day:yyyy-MM-dd}.{n:D4}</c> (1,000 a day, the newest first reported a minute ago, one a minute before that), of
/// which 1 in 100 open, 1 in 200 claimed, 1 in 200 claimed with a failed trigger and the rest triggered; jobs
/// <c>job-{n}</c> of ten types (three in four pending, one in five completed, the rest failed or running); 10,000 rejected
/// deliveries (SQLite) with the four reason codes. SQLite is written in one transaction with prepared statements.
/// </summary>
internal static class DashboardSeed
{
    public static readonly string[] Reasons = ["envelope", "contract", "invalid", "oversized"];

    public static string RunKey(int i, DateTimeOffset now) =>
        (now.UtcDateTime.Date.AddDays(-(i / 1000))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + (999 - (i % 1000)).ToString("D4", CultureInfo.InvariantCulture);

    public static DateTimeOffset CreatedAt(int i, DateTimeOffset now) => now - TimeSpan.FromMinutes(1 + i);

    /// <summary>The state of tally <paramref name="i"/>: open, claimed, failed (claimed, trigger failed) or triggered.</summary>
    public static string StateOf(int i) => (i % 200) switch { 0 or 1 => "open", 2 => "claimed", 3 => "failed", _ => "triggered" };

    public static async Task SqliteAsync(string talliesPath, string jobsPath, int tallies, int jobs, DateTimeOffset now)
    {
        await using (var connection = new SqliteConnection($"Data Source={talliesPath}"))
        {
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using var tally = connection.CreateCommand();
            tally.CommandText = """
                INSERT INTO pax_tallies (phase, run_key, state, claimed_until, created_at, updated_at, triggered_at, claimed_at, claims, trigger_error, trigger_error_at, trigger_failures, claimed_by)
                VALUES ('collect', $key, $state, $until, $created, $created, $triggered, $claimedAt, $claims, $error, $errorAt, $failures, $by)
                """;
            using var completion = connection.CreateCommand();
            completion.CommandText = "INSERT INTO pax_completions (phase, run_key, processor, status, recorded_at, message_id) VALUES ('collect', $key, $processor, 'succeeded', $at, $id)";
            var p = new[] { "$key", "$state", "$until", "$created", "$triggered", "$claimedAt", "$claims", "$error", "$errorAt", "$failures", "$by" }.ToDictionary(n => n, n => tally.Parameters.Add(n, SqliteType.Blob));
            var c = new[] { "$key", "$processor", "$at", "$id" }.ToDictionary(n => n, n => completion.Parameters.Add(n, SqliteType.Blob));
            for (var i = 0; i < tallies; i++)
            {
                var created = CreatedAt(i, now).ToUnixTimeMilliseconds();
                var state = StateOf(i);
                var claimed = state is "claimed" or "failed" or "triggered";
                p["$key"].Value = RunKey(i, now);
                p["$state"].Value = state == "failed" ? "claimed" : state;
                p["$until"].Value = claimed ? created + 60_000 : DBNull.Value;
                p["$created"].Value = created;
                p["$triggered"].Value = state == "triggered" ? created + 1_000 : DBNull.Value;
                p["$claimedAt"].Value = claimed ? created : DBNull.Value;
                p["$claims"].Value = claimed ? 1 : 0;
                p["$error"].Value = state == "failed" ? "HTTP 403 PERMISSION_DENIED: the caller may not publish" : DBNull.Value;
                p["$errorAt"].Value = state == "failed" ? created : DBNull.Value;
                p["$failures"].Value = state == "failed" ? 1 : 0;
                p["$by"].Value = claimed ? $"orchestrator-00042-abc/host-{i % 3}/1" : DBNull.Value;
                tally.Transaction = transaction;
                await tally.ExecuteNonQueryAsync();
                foreach (var processor in state == "open" ? ["cam-a"] : new[] { "cam-a", "cam-b" })
                {
                    c["$key"].Value = p["$key"].Value;
                    c["$processor"].Value = processor;
                    c["$at"].Value = created;
                    c["$id"].Value = processor + "-" + i.ToString(CultureInfo.InvariantCulture);
                    completion.Transaction = transaction;
                    await completion.ExecuteNonQueryAsync();
                }
            }

            using var rejected = connection.CreateCommand();
            rejected.Transaction = transaction;
            rejected.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
                INSERT INTO pax_rejected (message_id, reason, received_at, excerpt, phase, run_key, processor, reason_code)
                SELECT 'r' || i, 'unknown processor', $now - i * 60000, '{}', 'collect', NULL, 'cam-z',
                       CASE i % 4 WHEN 0 THEN 'envelope' WHEN 1 THEN 'contract' WHEN 2 THEN 'invalid' ELSE 'oversized' END FROM n
                """;
            rejected.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await rejected.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using (var connection = new SqliteConnection($"Data Source={jobsPath}"))
        {
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using var job = connection.CreateCommand();
            job.Transaction = transaction;
            job.CommandText = """
                INSERT INTO scheduler_jobs (id, type, payload, schedule_at, status, lease_until, attempts, max_attempts, last_error, misfire, created_at, updated_at, version, lease_holder)
                VALUES ($id, $type, '{}', $at, $status, $lease, 0, 5, NULL, 'RunOnce', $now, $now, 1, $holder)
                """;
            var p = new[] { "$id", "$type", "$at", "$status", "$lease", "$now", "$holder" }.ToDictionary(n => n, n => job.Parameters.Add(n, SqliteType.Blob));
            for (var i = 0; i < jobs; i++)
            {
                var status = JobStatus(i);
                p["$id"].Value = "job-" + i.ToString(CultureInfo.InvariantCulture);
                p["$type"].Value = "type-" + (i % 10).ToString(CultureInfo.InvariantCulture);
                p["$at"].Value = (now + TimeSpan.FromSeconds(i - (jobs / 2))).ToUnixTimeMilliseconds();
                p["$status"].Value = status;
                p["$lease"].Value = status == "running" ? (now + TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds() : DBNull.Value;
                p["$now"].Value = now.ToUnixTimeMilliseconds();
                p["$holder"].Value = status == "running" ? $"orchestrator-00042-abc/host-{i % 3}/1" : DBNull.Value;
                await job.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    /// <summary>Writes the tallies as the Firestore store lays them out (<c>collect_completion/{runKey}</c>), 500 per commit, 8 commits at a time.</summary>
    public static async Task FirestoreTalliesAsync(FirestoreClient client, string project, int tallies, DateTimeOffset now)
    {
        var batches = Enumerable.Range(0, tallies).Chunk(500);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await client.CommitAsync(project, batch.Select(i => TallyWrite(project, i, now)).ToList(), cancellationToken: ct));
    }

    /// <summary>Creates the jobs through the store (its own layout), 16 at a time.</summary>
    public static async Task JobsThroughStoreAsync(IScheduledJobStore store, int jobs, DateTimeOffset now)
    {
        using var payload = JsonDocument.Parse("{}");
        var empty = payload.RootElement.Clone();
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var status = JobStatus(i);
            await store.TryCreateAsync(new ScheduledJob
            {
                Id = "job-" + i.ToString(CultureInfo.InvariantCulture),
                Type = "type-" + (i % 10).ToString(CultureInfo.InvariantCulture),
                Payload = empty,
                ScheduleAt = now + TimeSpan.FromSeconds(i - (jobs / 2)),
                Status = Enum.Parse<ScheduledJobStatus>(status, ignoreCase: true),
                LeaseUntil = status == "running" ? now + TimeSpan.FromMinutes(1) : null,
                LeaseHolder = status == "running" ? $"orchestrator-00042-abc/host-{i % 3}/1" : null,
                CreatedAt = now,
                UpdatedAt = now,
            }, ct);
        });
    }

    private static string JobStatus(int i) => (i % 20) switch { < 15 => "pending", < 19 => "completed", _ => i % 40 == 19 ? "failed" : "running" };

    private static FirestoreWrite TallyWrite(string project, int i, DateTimeOffset now)
    {
        var created = CreatedAt(i, now);
        var state = StateOf(i);
        var claimed = state is "claimed" or "failed" or "triggered";
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            ["_phase"] = FirestoreValue.String("collect"),
            ["_runKey"] = FirestoreValue.String(RunKey(i, now)),
            ["_state"] = FirestoreValue.String(state == "failed" ? "claimed" : state),
            ["_triggered"] = FirestoreValue.Boolean(state == "triggered"),
            ["_createdAt"] = FirestoreValue.Timestamp(created),
            ["_updatedAt"] = FirestoreValue.Timestamp(created),
            ["_triggeredAt"] = state == "triggered" ? FirestoreValue.Timestamp(created.AddSeconds(1)) : FirestoreValue.Null(),
            ["_claimedUntil"] = claimed ? FirestoreValue.Timestamp(created.AddMinutes(1)) : FirestoreValue.Null(),
            ["_claimedAt"] = claimed ? FirestoreValue.Timestamp(created) : FirestoreValue.Null(),
            ["_claims"] = FirestoreValue.Integer(claimed ? 1 : 0),
            ["_claimedBy"] = claimed ? FirestoreValue.String($"orchestrator-00042-abc/host-{i % 3}/1") : FirestoreValue.Null(),
            ["_triggerError"] = state == "failed" ? FirestoreValue.String("HTTP 403 PERMISSION_DENIED: the caller may not publish") : FirestoreValue.Null(),
            ["_triggerErrorAt"] = state == "failed" ? FirestoreValue.Timestamp(created) : FirestoreValue.Null(),
            ["_triggerFailures"] = FirestoreValue.Integer(state == "failed" ? 1 : 0),
        };
        foreach (var processor in state == "open" ? ["cam-a"] : new[] { "cam-a", "cam-b" })
        {
            fields[processor] = FirestoreValue.Map(new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
            {
                ["status"] = FirestoreValue.String("succeeded"),
                ["recordedAt"] = FirestoreValue.Timestamp(created),
                ["messageId"] = FirestoreValue.String(processor + "-" + i.ToString(CultureInfo.InvariantCulture)),
            });
        }

        return new FirestoreWrite { Update = new FirestoreDocument { Name = FirestoreClient.DocumentName(project, "collect_completion", RunKey(i, now)), Fields = fields } };
    }
}
