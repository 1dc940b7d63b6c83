using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
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
    /// <exception cref="GoogleApiException">Firestore refused the call, or its streamed answer ended with an error (no partial result is returned).</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    public async Task<IReadOnlyList<FirestoreBatchGetResult>> BatchGetDocumentsAsync(
        string projectId, IEnumerable<string> documentNames, string? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentNullException.ThrowIfNull(documentNames);
        var request = new FirestoreBatchGetRequest { Documents = documentNames.ToList(), Transaction = transaction };
        var path = DocumentsPath(projectId) + ":batchGet";
        var operation = FirestoreOperations.Get($"{request.Documents.Count} document(s) of project '{projectId}'");
        var elements = await _transport.SendJsonAsync(
            HttpMethod.Post,
            path,
            request,
            GoogleCloudJsonContext.Default.FirestoreBatchGetRequest,
            GoogleCloudJsonContext.Default.ListFirestoreBatchGetElement,
            operation,
            retryable: true,
            cancellationToken).ConfigureAwait(false);
        ThrowIfStreamFailed(elements, e => e.Error, path, operation);
        return elements.Select(e => new FirestoreBatchGetResult { Found = e.Found, Missing = e.Missing, ReadTime = e.ReadTime }).ToList();
    }
}
