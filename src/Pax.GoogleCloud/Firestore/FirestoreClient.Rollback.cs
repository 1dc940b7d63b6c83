using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>Abandons a transaction (<c>documents:rollback</c>), releasing its locks. Retried on transient failures.</summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="transaction">The transaction id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Firestore has released the transaction.</returns>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    /// <exception cref="GoogleApiException">Firestore refused the call.</exception>
    public async Task RollbackAsync(string projectId, string transaction, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentException.ThrowIfNullOrEmpty(transaction);
        await _transport.SendJsonAsync(
            HttpMethod.Post,
            DocumentsPath(projectId) + ":rollback",
            new FirestoreRollbackRequest { Transaction = transaction },
            GoogleCloudJsonContext.Default.FirestoreRollbackRequest,
            GoogleCloudJsonContext.Default.FirestoreEmptyResponse,
            FirestoreOperations.Transaction(projectId),
            retryable: true,
            cancellationToken).ConfigureAwait(false);
    }
}
