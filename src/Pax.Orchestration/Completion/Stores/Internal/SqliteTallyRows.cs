using Microsoft.Data.Sqlite;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>The row mapping of <see cref="SqliteCompletionStore"/> (tables: <see cref="SqliteTallySchema"/>); times are Unix milliseconds.</summary>
internal static class SqliteTallyRows
{
    /// <summary>The columns <see cref="ReadCompletion"/> reads, in order.</summary>
    public const string ReportColumns = "processor, status, recorded_at, message_id, details, trace_parent";

    private const string ReportsSql = "SELECT " + ReportColumns + " FROM pax_completions WHERE phase = $phase AND run_key = $runKey;";

    /// <summary>Reads a tally: with every report (narrow), or, when <paramref name="counted"/> (a wide phase), with its counts and no report.</summary>
    public static async Task<StoredTally?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string phase, string runKey, CancellationToken cancellationToken, bool counted = false)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT state, claimed_until, created_at, updated_at, triggered_at, claimed_at, claims, trigger_error, trigger_error_at, trigger_failures, trigger_trace_parent, claimed_by,
              succeeded, failed, last_recorded_at
            FROM pax_tallies WHERE phase = $phase AND run_key = $runKey;
            """ + (counted ? string.Empty : ReportsSql);
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$runKey", runKey);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var state = ParseState(reader.GetString(0));
        var claimedUntil = reader.IsDBNull(1) ? (DateTimeOffset?)null : Time(reader.GetInt64(1));
        var createdAt = Time(reader.GetInt64(2));
        var updatedAt = Time(reader.GetInt64(3));
        var triggeredAt = reader.IsDBNull(4) ? (DateTimeOffset?)null : Time(reader.GetInt64(4));
        var claimedAt = reader.IsDBNull(5) ? (DateTimeOffset?)null : Time(reader.GetInt64(5));
        var claims = reader.GetInt32(6);
        var triggerError = reader.IsDBNull(7) ? null : new TriggerError(Time(reader.GetInt64(8)), reader.GetString(7), reader.GetInt32(9));
        var triggerTraceParent = reader.IsDBNull(10) ? null : reader.GetString(10);
        var claimedBy = reader.IsDBNull(11) ? null : reader.GetString(11);
        var completions = new Dictionary<string, ProcessorCompletion>(StringComparer.Ordinal);
        TallyCounts? counts = null;
        if (counted)
        {
            // The counts its reports keep on the row (UpsertCompletionAsync): no report row is read.
            counts = new TallyCounts(reader.GetInt32(12), reader.GetInt32(13), reader.IsDBNull(14) ? null : Time(reader.GetInt64(14)));
        }
        else
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var completion = ReadCompletion(reader);
                completions[completion.Processor] = completion;
            }
        }

        return new StoredTally(phase, runKey, state, completions, createdAt, updatedAt, claimedUntil, triggeredAt, claimedAt, claims, triggerError)
        {
            Counts = counts,
            TriggerTraceParent = triggerTraceParent,
            ClaimedBy = claimedBy,
        };
    }

    /// <summary>Reads a report from the columns of <see cref="ReportColumns"/>, in order.</summary>
    public static ProcessorCompletion ReadCompletion(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1) == "failed" ? CompletionStatus.Failed : CompletionStatus.Succeeded,
        Time(reader.GetInt64(2)),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4))
    {
        TraceParent = reader.IsDBNull(5) ? null : reader.GetString(5),
    };

    /// <summary>Writes a report (replacing <paramref name="replaced"/>, the processor's earlier one, if any) and moves its tally's counts.</summary>
    public static async Task UpsertCompletionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, string runKey, ProcessorCompletion completion, ProcessorCompletion? replaced, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // The tally's row and its counts in one statement, whichever layout reads it: a new success or failure adds one, a
        // success that replaced a failure moves one from failed to succeeded, so reading the counts costs the same at the
        // 10,000th report as at the first.
        command.CommandText = """
            INSERT INTO pax_tallies (phase, run_key, state, created_at, updated_at, succeeded, failed, last_recorded_at)
            VALUES ($phase, $runKey, 'open', $at, $at, $succeeded, $failed, $at)
            ON CONFLICT (phase, run_key) DO UPDATE SET
              updated_at = $at, succeeded = succeeded + $succeeded, failed = failed + $failed,
              last_recorded_at = max(coalesce(last_recorded_at, 0), $at);

            INSERT INTO pax_completions (phase, run_key, processor, status, recorded_at, message_id, details, trace_parent)
            VALUES ($phase, $runKey, $processor, $status, $at, $messageId, $details, $traceParent)
            ON CONFLICT (phase, run_key, processor) DO UPDATE SET
              status = excluded.status, recorded_at = excluded.recorded_at, message_id = excluded.message_id, details = excluded.details,
              trace_parent = excluded.trace_parent;
            """;
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$runKey", runKey);
        command.Parameters.AddWithValue("$processor", completion.Processor);
        command.Parameters.AddWithValue("$status", completion.Status == CompletionStatus.Failed ? "failed" : "succeeded");
        command.Parameters.AddWithValue("$at", completion.RecordedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$messageId", (object?)completion.MessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("$details", (object?)completion.Details ?? DBNull.Value);
        command.Parameters.AddWithValue("$traceParent", (object?)completion.TraceParent ?? DBNull.Value);
        var success = completion.Status == CompletionStatus.Succeeded;
        command.Parameters.AddWithValue("$succeeded", success ? 1 : 0);
        command.Parameters.AddWithValue("$failed", (success ? 0 : 1) - (replaced is null ? 0 : 1));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns which of <paramref name="runKeys"/> (at most a few hundred) have a tally row in the phase.</summary>
    public static async Task<List<string>> SelectRunKeysAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, IReadOnlyList<string> runKeys, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var parameters = runKeys.Select((_, i) => "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"SELECT run_key FROM pax_tallies WHERE phase = $phase AND run_key IN ({string.Join(", ", parameters)})";
        command.Parameters.AddWithValue("$phase", phase);
        for (var i = 0; i < runKeys.Count; i++)
        {
            command.Parameters.AddWithValue(parameters[i], runKeys[i]);
        }

        var found = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>The run keys of a phase's newest tallies (created_at, run_key descending), after <paramref name="after"/>.</summary>
    public static async Task<List<string>> SelectRecentRunKeysAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = after is null
            ? "SELECT run_key FROM pax_tallies WHERE phase = $phase ORDER BY created_at DESC, run_key DESC LIMIT $limit"
            : """
              SELECT run_key FROM pax_tallies WHERE phase = $phase AND (created_at < $at OR (created_at = $at AND run_key < $key))
              ORDER BY created_at DESC, run_key DESC LIMIT $limit
              """;
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$at", after.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$key", after.RunKey);
        }

        var found = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Claims an open tally, or a claimed one whose lease ended; returns whether this call claimed it.</summary>
    public static async Task<bool> ClaimAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE pax_tallies SET state = 'claimed', claimed_until = $until, claimed_at = $now, claims = claims + 1, claimed_by = $by, updated_at = $now
            WHERE phase = $phase AND run_key = $runKey
              AND (state = 'open' OR (state = 'claimed' AND (claimed_until IS NULL OR claimed_until <= $now)))
            """;
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$runKey", runKey);
        command.Parameters.AddWithValue("$until", leaseUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$by", InstanceIdentity.Current);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static TallyTriggerState ParseState(string state) => state switch
    {
        "claimed" => TallyTriggerState.Claimed,
        "triggered" => TallyTriggerState.Triggered,
        _ => TallyTriggerState.Open,
    };

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
