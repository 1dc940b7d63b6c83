using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>Runs a query on top-level collections (<c>documents:runQuery</c>). Retried on transient failures.</summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching documents (elements of the answer without a document are skipped).</returns>
    /// <exception cref="GoogleApiException">Firestore refused the call, or its streamed answer ended with an error (no partial result is returned).</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    public Task<IReadOnlyList<FirestoreDocument>> RunQueryAsync(string projectId, FirestoreStructuredQuery query, CancellationToken cancellationToken = default) =>
        RunQueryAsync(projectId, null, query, cancellationToken);

    /// <summary>
    /// Runs a query on the subcollections of <paramref name="parentDocument"/> (<c>{parent}:runQuery</c>, where the
    /// parent is a document name: cloud.google.com/firestore/docs/reference/rest/v1/projects.databases.documents/runQuery),
    /// or on top-level collections when it is <see langword="null"/>. Retried on transient failures.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="parentDocument">The full name of the document whose subcollections <paramref name="query"/> names, or <see langword="null"/>.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching documents (elements of the answer without a document are skipped).</returns>
    /// <exception cref="GoogleApiException">Firestore refused the call, or its streamed answer ended with an error (no partial result is returned).</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    public async Task<IReadOnlyList<FirestoreDocument>> RunQueryAsync(string projectId, string? parentDocument, FirestoreStructuredQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentNullException.ThrowIfNull(query);
        var collection = string.Join(",", query.From.Select(f => f.CollectionId));
        var path = QueryPath(projectId, parentDocument, "runQuery");
        var operation = FirestoreOperations.Query(projectId, collection);
        var elements = await _transport.SendJsonAsync(
            HttpMethod.Post,
            path,
            new FirestoreRunQueryRequest { StructuredQuery = query },
            GoogleCloudJsonContext.Default.FirestoreRunQueryRequest,
            GoogleCloudJsonContext.Default.ListFirestoreRunQueryElement,
            operation,
            retryable: true,
            cancellationToken).ConfigureAwait(false);
        ThrowIfStreamFailed(elements, e => e.Error, path, operation);
        return elements.Where(e => e.Document is not null).Select(e => e.Document!).ToList();
    }
}
