using Microsoft.Data.Sqlite;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The wide layout's reads in SQLite (<see cref="Completion.Internal.TallyLayout"/>): the same tables as the narrow one
/// (a row per report has no size limit), but a wide tally is read with its counts, kept on its <c>pax_tallies</c> row by
/// its reports' writes, instead of every row, and its reports a page at a time.
/// </summary>
internal static class SqliteWideTallyRows
{
    /// <summary>Reads one processor's report of a run key, or <see langword="null"/>.</summary>
    public static async Task<ProcessorCompletion?> ReadReportAsync(SqliteConnection connection, SqliteTransaction transaction, string phase, string runKey, string processor, CancellationToken cancellationToken)
    {
        var page = await ListReportsAsync(connection, transaction, phase, runKey, 1, null, processor, cancellationToken).ConfigureAwait(false);
        return page.Count == 0 ? null : page[0];
    }

    /// <summary>Lists a page of a run key's reports in processor order (ordinal), after <paramref name="afterProcessor"/>; with <paramref name="only"/>, just that processor's.</summary>
    public static async Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, string runKey, int limit, string? afterProcessor, string? only, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT {SqliteTallyRows.ReportColumns} FROM pax_completions
            WHERE phase = $phase AND run_key = $runKey AND ($after IS NULL OR processor > $after) AND ($only IS NULL OR processor = $only)
            ORDER BY processor LIMIT $limit
            """;
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$runKey", runKey);
        command.Parameters.AddWithValue("$after", (object?)afterProcessor ?? DBNull.Value);
        command.Parameters.AddWithValue("$only", (object?)only ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var reports = new List<ProcessorCompletion>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reports.Add(SqliteTallyRows.ReadCompletion(reader));
        }

        return reports;
    }
}
