using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore;

/// <summary>
/// Firestore documents over the REST API v1 (cloud.google.com/firestore/docs/reference/rest): get, batchGet, commit
/// (with preconditions and transforms), transactions and single-collection queries, on the <c>(default)</c>
/// database. A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. With
/// <c>FIRESTORE_EMULATOR_HOST</c> set, requests go to the emulator with its <c>Bearer owner</c> token and no access
/// token is fetched. Reads are retried on transient failures; commits are sent once (a commit retried after a lost
/// answer could apply twice). Failures throw <see cref="GoogleApiException"/>: branch on its
/// <see cref="GoogleApiException.Status"/> with <see cref="FirestoreErrorStatus"/>, since 409 is both
/// <c>ALREADY_EXISTS</c> and <c>ABORTED</c>. A project without the database fails every call with
/// <see cref="FirestoreDatabaseNotFoundException"/> (never "no document"); a streamed answer (<c>runQuery</c>,
/// <c>batchGet</c>) that ends with an error element fails the call, never returns the results before it.
/// </summary>
internal sealed partial class FirestoreClient
{
    /// <summary>The token the Firestore emulator treats as an administrator: <c>owner</c>.</summary>
    public const string EmulatorOwnerToken = "owner";

    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public FirestoreClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForFirestore(options.Value), EmulatorOwnerToken, FirestoreErrors.Translate);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://firestore.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Gets a value indicating whether the endpoint is the emulator (<c>FIRESTORE_EMULATOR_HOST</c>).</summary>
    public bool UsesEmulator => _transport.Endpoint.IsEmulator;

    /// <summary>Returns the full name of a document: <c>projects/{project}/databases/(default)/documents/{collection}/{id}</c>.</summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="documentId">The document id.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException">An id is empty, contains '/', or is <c>.</c>, <c>..</c> or <c>__…__</c>.</exception>
    public static string DocumentName(string projectId, string collectionId, string documentId)
    {
        ThrowIfInvalidId(projectId, nameof(projectId));
        ThrowIfInvalidId(collectionId, nameof(collectionId));
        ThrowIfInvalidId(documentId, nameof(documentId));
        return $"{DatabaseRoot(projectId)}/documents/{collectionId}/{documentId}";
    }

    /// <summary>Returns the full name of a document in a subcollection: <c>{parentDocument}/{collection}/{id}</c>.</summary>
    /// <param name="parentDocument">The full name of the parent document (<see cref="DocumentName"/>).</param>
    /// <param name="collectionId">The subcollection id.</param>
    /// <param name="documentId">The document id.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException">An id is empty, contains '/', or is <c>.</c>, <c>..</c> or <c>__…__</c>.</exception>
    public static string ChildDocumentName(string parentDocument, string collectionId, string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentDocument);
        ThrowIfInvalidId(collectionId, nameof(collectionId));
        ThrowIfInvalidId(documentId, nameof(documentId));
        return $"{parentDocument}/{collectionId}/{documentId}";
    }

    /// <summary>The request path of a query: on the database's top-level collections, or on a document's subcollections (<c>{parent=projects/*/databases/*/documents/*/**}:runQuery</c>).</summary>
    private static string QueryPath(string projectId, string? parentDocument, string method) =>
        (parentDocument is null ? DocumentsPath(projectId) : "v1/" + EscapeDocumentName(parentDocument)) + ":" + method;

    private static string DatabaseRoot(string projectId) => $"projects/{projectId}/databases/(default)";

    private static string DocumentsPath(string projectId) => $"v1/{DatabaseRoot(projectId)}/documents";

    private static string EscapeDocumentName(string name) =>
        string.Join('/', name.Split('/').Select(Uri.EscapeDataString)).Replace("%28default%29", "(default)", StringComparison.Ordinal);

    /// <summary>Throws when an element of a streamed answer is an error: the stream failed after the elements before it.</summary>
    private void ThrowIfStreamFailed<T>(IReadOnlyList<T> elements, Func<T, GoogleErrorBody?> error, string path, GoogleOperation operation)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (error(elements[i]) is { } body)
            {
                var exception = GoogleApiExceptionFactory.CreateStreamError(body, i, operation);
                throw _transport.Translate(_transport.Endpoint.Resolve(path), GoogleErrorParser.FromBody(body), exception);
            }
        }
    }

    private static void ThrowIfInvalidId(string id, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, parameter);
        if (id.Contains('/', StringComparison.Ordinal) || id is "." or ".." || (id.StartsWith("__", StringComparison.Ordinal) && id.EndsWith("__", StringComparison.Ordinal))
            || System.Text.Encoding.UTF8.GetByteCount(id) > 1500)
        {
            throw new ArgumentException($"'{id}' is not a valid Firestore id: no '/', not '.' or '..', not __…__, at most 1500 bytes.", parameter);
        }
    }
}
