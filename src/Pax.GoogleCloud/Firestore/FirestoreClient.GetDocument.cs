using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>Gets a document (<c>GET …/documents/{collection}/{id}</c>), outside any transaction. Retried on transient failures.</summary>
    /// <param name="documentName">The full name (see <see cref="DocumentName(string, string, string)"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document, or <see langword="null"/> when it does not exist.</returns>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    /// <exception cref="GoogleApiException">Firestore refused the call.</exception>
    public Task<FirestoreDocument?> GetDocumentAsync(string documentName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentName);
        return _transport.GetJsonOrNullAsync(
            "v1/" + EscapeDocumentName(documentName),
            GoogleCloudJsonContext.Default.FirestoreDocument,
            FirestoreOperations.Get($"document '{documentName}'"),
            cancellationToken);
    }
}
