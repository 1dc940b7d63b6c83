using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

public sealed partial class FirestoreClient
{
    /// <summary>
    /// Reads several documents at once (<c>documents:batchGet</c>), optionally inside a transaction (the way to read
    /// in a transaction: a plain GET with <c>transaction</c> can hang on the emulator). Retried on transient failures.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="documentNames">The full names.</param>
    /// <param name="transaction">The transaction from <see cref="BeginTransactionAsync(string, bool, CancellationToken)"/>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per document (found or missing); the order is the server's.</returns>
    /// <exception cref="GoogleApiException">Firestore refused the call.</exception>
    public async Task<IReadOnlyList<FirestoreBatchGetResult>> BatchGetDocumentsAsync(
        string projectId, IEnumerable<string> documentNames, string? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentNullException.ThrowIfNull(documentNames);
        var request = new FirestoreBatchGetRequest { Documents = documentNames.ToList(), Transaction = transaction };
        return await _transport.SendJsonAsync(
            HttpMethod.Post,
            DocumentsPath(projectId) + ":batchGet",
            request,
            GoogleCloudJsonContext.Default.FirestoreBatchGetRequest,
            GoogleCloudJsonContext.Default.ListFirestoreBatchGetResult,
            FirestoreOperations.Get($"{request.Documents.Count} document(s) of project '{projectId}'"),
            retryable: true,
            cancellationToken).ConfigureAwait(false);
    }
}
