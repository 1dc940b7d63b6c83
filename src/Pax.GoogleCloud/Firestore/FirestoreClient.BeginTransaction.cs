using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>Starts a transaction (<c>documents:beginTransaction</c>). Finish it with <see cref="CommitAsync"/> or <see cref="RollbackAsync"/>.</summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="readOnly">Whether the transaction only reads.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction id (base64).</returns>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    /// <exception cref="GoogleApiException">Firestore refused the call.</exception>
    public async Task<string> BeginTransactionAsync(string projectId, bool readOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        var options = readOnly
            ? new FirestoreTransactionOptions { ReadOnly = new FirestoreReadOnlyOptions() }
            : new FirestoreTransactionOptions { ReadWrite = new FirestoreReadWriteOptions() };
        var operation = FirestoreOperations.Transaction(projectId);
        var response = await _transport.SendJsonAsync(
            HttpMethod.Post,
            DocumentsPath(projectId) + ":beginTransaction",
            new FirestoreBeginTransactionRequest { Options = options },
            GoogleCloudJsonContext.Default.FirestoreBeginTransactionRequest,
            GoogleCloudJsonContext.Default.FirestoreBeginTransactionResponse,
            operation,
            retryable: true,
            cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(response.Transaction)
            ? throw new GoogleApiException(operation.Api, System.Net.HttpStatusCode.OK, null, null, $"{operation}: the answer carried no transaction id.")
            : response.Transaction;
    }
}
