using Microsoft.Data.Sqlite;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The dashboard's reads (<see cref="ICompletionStoreQueries"/>) and the rejected deliveries.</content>
public sealed partial class SqliteCompletionStore
{
    private const string RejectedColumns = "message_id, reason, received_at, excerpt, phase, run_key, processor, reason_code";

    /// <summary>Lists the rejected deliveries, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected deliveries.</returns>
    public Task<IReadOnlyList<RejectedMessage>> ListRejectedAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {RejectedColumns} FROM pax_rejected ORDER BY id";
            return (IReadOnlyList<RejectedMessage>)await ReadRejectedAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task<List<RejectedMessage>> ReadRejectedAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<RejectedMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new RejectedMessage(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3))
            {
                Phase = reader.IsDBNull(4) ? null : reader.GetString(4),
                RunKey = reader.IsDBNull(5) ? null : reader.GetString(5),
                Processor = reader.IsDBNull(6) ? null : reader.GetString(6),
                ReasonCode = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return list;
    }

    /// <inheritdoc />
    /// <remarks>One indexed range read (<c>pax_tallies_recent</c>) and one read of each tally's reports.</remarks>
    public Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        return InTransactionAsync(async (connection, transaction) =>
        {
            var keys = await SqliteTallyRows.SelectRecentRunKeysAsync(connection, transaction, phase, limit, after, cancellationToken).ConfigureAwait(false);
            return await ReadTalliesAsync(connection, transaction, phase, keys, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Newest first by arrival; with a phase (and run key), one indexed range read (<c>pax_rejected_phase</c>, <c>pax_rejected_run_key</c>).</remarks>
    public Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, string? phase, string? runKey, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        StoreQueryLimits.CheckRejectedFilter(phase, runKey);
        return InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var where = (phase, runKey) switch
            {
                (null, _) => string.Empty,
                (_, null) => "WHERE phase = $phase",
                _ => "WHERE phase = $phase AND run_key = $runKey",
            };
            var order = phase is null ? "id DESC" : "received_at DESC, id DESC";
            command.CommandText = $"SELECT {RejectedColumns} FROM pax_rejected {where} ORDER BY {order} LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$phase", (object?)phase ?? DBNull.Value);
            command.Parameters.AddWithValue("$runKey", (object?)runKey ?? DBNull.Value);
            return (IReadOnlyList<RejectedMessage>)await ReadRejectedAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountRejectedSinceAsync(string phase, DateTimeOffset since, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM pax_rejected WHERE phase = $phase AND received_at >= $since LIMIT $most)";
            command.Parameters.AddWithValue("$phase", phase);
            command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$most", CompletionLimits.MaxRejectedCount);
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);

    /// <summary>Reads the tallies of <paramref name="keys"/> in order; a wide phase's with their counts, not every report row.</summary>
    private async Task<IReadOnlyList<StoredTally>> ReadTalliesAsync(SqliteConnection connection, SqliteTransaction transaction, string phase, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var wide = IsWide(phase);
        var tallies = new List<StoredTally>(keys.Count);
        foreach (var key in keys)
        {
            tallies.Add((await SqliteTallyRows.ReadAsync(connection, transaction, phase, key, cancellationToken, wide).ConfigureAwait(false))!);
        }

        return tallies;
    }
}
