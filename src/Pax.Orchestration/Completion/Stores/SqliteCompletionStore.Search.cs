using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The dashboard's search (<see cref="ICompletionStoreQueries.SearchAsync"/>, rejected deliveries by reason): one indexed range read each (<see cref="SqliteSearchIndexes"/>).</content>
public sealed partial class SqliteCompletionStore
{
    /// <inheritdoc />
    /// <remarks>One indexed range read of at most <paramref name="limit"/> run keys, then one read of each tally's reports.</remarks>
    public Task<IReadOnlyList<StoredTally>> SearchAsync(string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        StoreQueryLimits.Check(limit);
        search.Validate();
        return InTransactionAsync(async (connection, transaction) =>
        {
            var keys = await SqliteTallySearch.SelectRunKeysAsync(connection, transaction, phase, search, limit, after, cancellationToken).ConfigureAwait(false);
            return await ReadTalliesAsync(connection, transaction, phase, keys, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One indexed range read (<c>pax_rejected_reason</c>, with a phase <c>pax_rejected_phase_reason</c>).</remarks>
    public Task<IReadOnlyList<RejectedMessage>> ListRejectedByReasonAsync(int limit, string reasonCode, string? phase, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reasonCode);
        StoreQueryLimits.Check(limit);
        return InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var where = phase is null ? "reason_code = $reason" : "phase = $phase AND reason_code = $reason";
            command.CommandText = $"SELECT {RejectedColumns} FROM pax_rejected WHERE {where} ORDER BY received_at DESC, id DESC LIMIT $limit";
            command.Parameters.AddWithValue("$reason", reasonCode);
            command.Parameters.AddWithValue("$phase", (object?)phase ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit);
            return (IReadOnlyList<RejectedMessage>)await ReadRejectedAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
