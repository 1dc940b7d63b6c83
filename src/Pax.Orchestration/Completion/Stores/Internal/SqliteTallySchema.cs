using Microsoft.Data.Sqlite;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The tables of <see cref="SqliteCompletionStore"/>, created when missing and brought up to date in files written by
/// an older Pax (columns added, none changed): <c>pax_tallies</c> (one row per phase and run key, with the claim, the
/// last trigger error and the trace of the trigger that fired), <c>pax_completions</c> (one row per processor, with the trace it was recorded in), <c>pax_rejected</c> (with the phase, run key and
/// processor a rejected delivery named, when it named them) and <c>pax_phases</c> (each phase's first deployment).
/// </summary>
internal static class SqliteTallySchema
{
    /// <summary>The file's <c>user_version</c> once every tally's counts are kept (<see cref="BackfillCountsAsync"/>).</summary>
    private const int CountedVersion = 1;

    private static readonly (string Name, string Definition)[] AddedTallyColumns =
    [
        ("claimed_at", "INTEGER NULL"),
        ("claims", "INTEGER NOT NULL DEFAULT 0"),
        ("trigger_error", "TEXT NULL"),
        ("trigger_error_at", "INTEGER NULL"),
        ("trigger_failures", "INTEGER NOT NULL DEFAULT 0"),
        ("trigger_trace_parent", "TEXT NULL"),
        ("claimed_by", "TEXT NULL"),

        // A tally's counts (SqliteWideTallyRows), kept by its reports' writes (narrow and wide) so a wide read does not count rows.
        ("succeeded", "INTEGER NOT NULL DEFAULT 0"),
        ("failed", "INTEGER NOT NULL DEFAULT 0"),
        ("last_recorded_at", "INTEGER NULL"),
    ];

    private static readonly (string Name, string Definition)[] AddedCompletionColumns =
    [
        ("trace_parent", "TEXT NULL"),
    ];

    private static readonly (string Name, string Definition)[] AddedRejectedColumns =
    [
        ("phase", "TEXT NULL"),
        ("run_key", "TEXT NULL"),
        ("processor", "TEXT NULL"),
        ("reason_code", "TEXT NULL"),
    ];

    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS pax_tallies (
                  phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL,
                  claimed_until INTEGER NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL,
                  PRIMARY KEY (phase, run_key));
                CREATE INDEX IF NOT EXISTS pax_tallies_untriggered ON pax_tallies (phase, state);
                CREATE INDEX IF NOT EXISTS pax_tallies_recent ON pax_tallies (phase, created_at, run_key);
                CREATE TABLE IF NOT EXISTS pax_completions (
                  phase TEXT NOT NULL, run_key TEXT NOT NULL, processor TEXT NOT NULL, status TEXT NOT NULL,
                  recorded_at INTEGER NOT NULL, message_id TEXT NULL, details TEXT NULL,
                  PRIMARY KEY (phase, run_key, processor));
                CREATE TABLE IF NOT EXISTS pax_rejected (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NULL, reason TEXT NOT NULL, received_at INTEGER NOT NULL, excerpt TEXT NULL);
                CREATE TABLE IF NOT EXISTS pax_phases (phase TEXT NOT NULL PRIMARY KEY, first_deployed_at INTEGER NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await SqliteColumns.AddMissingAsync(connection, "pax_tallies", AddedTallyColumns, cancellationToken).ConfigureAwait(false);
        await SqliteColumns.AddMissingAsync(connection, "pax_completions", AddedCompletionColumns, cancellationToken).ConfigureAwait(false);
        await BackfillCountsAsync(connection, cancellationToken).ConfigureAwait(false);
        await SqliteColumns.AddMissingAsync(connection, "pax_rejected", AddedRejectedColumns, cancellationToken).ConfigureAwait(false);
        using (var indexes = connection.CreateCommand())
        {
            // After the columns: an older file has them only now.
            indexes.CommandText = """
                CREATE INDEX IF NOT EXISTS pax_rejected_phase ON pax_rejected (phase, received_at);
                CREATE INDEX IF NOT EXISTS pax_rejected_run_key ON pax_rejected (phase, run_key, received_at);
                """ + SqliteSearchIndexes.Definitions;
            await indexes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Once per file (<c>PRAGMA user_version</c> below <see cref="CountedVersion"/>): sets every tally's counts from its
    /// <c>pax_completions</c> rows. Files written before narrow reports kept the counts hold 0/0 on narrow tallies, which a
    /// phase widened past 50 processors would read as its counts. One transaction, re-checked inside it, so two processes
    /// opening the file at once count once; the counts are recomputed whole, so a report written meanwhile is counted.
    /// </summary>
    private static async Task BackfillCountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! >= CountedVersion)
        {
            return;
        }

        command.CommandText = $"""
            UPDATE pax_tallies SET
              succeeded = (SELECT count(*) FROM pax_completions c WHERE c.phase = pax_tallies.phase AND c.run_key = pax_tallies.run_key AND c.status = 'succeeded'),
              failed = (SELECT count(*) FROM pax_completions c WHERE c.phase = pax_tallies.phase AND c.run_key = pax_tallies.run_key AND c.status = 'failed'),
              last_recorded_at = (SELECT max(recorded_at) FROM pax_completions c WHERE c.phase = pax_tallies.phase AND c.run_key = pax_tallies.run_key);
            PRAGMA user_version = {CountedVersion};
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
