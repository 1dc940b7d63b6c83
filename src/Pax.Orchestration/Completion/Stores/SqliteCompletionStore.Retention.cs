using Pax.Orchestration.Completion.Stores.Internal;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The watchdog's retention of rejected deliveries.</content>
public sealed partial class SqliteCompletionStore : IRejectedRetention
{
    /// <summary>One statement: rows are numbered in arrival order, so the oldest come first and the scan stops at the limit.</summary>
    Task<int> IRejectedRetention.DeleteRejectedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM pax_rejected WHERE id IN (SELECT id FROM pax_rejected WHERE received_at < $before ORDER BY id LIMIT $limit)";
            command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
