using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>The collection whose (normally absent) document <see cref="EnsureDatabaseExistsAsync"/> reads: <c>pax_health</c>.</summary>
    public const string HealthCollection = "pax_health";

    /// <summary>
    /// Checks that the project's <c>(default)</c> database exists by reading one document
    /// (<c>pax_health/probe</c>, which need not exist): a data call, so it needs only the role the stores need
    /// (<c>roles/datastore.user</c> or <c>roles/datastore.viewer</c>) and works on the emulator. Retried on transient failures.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the database answered.</returns>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no <c>(default)</c> database.</exception>
    /// <exception cref="GoogleApiException">Firestore refused the call (such as 403 when the identity lacks a Datastore role).</exception>
    public async Task EnsureDatabaseExistsAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var name = DocumentName(projectId, HealthCollection, "probe");
        await _transport.GetJsonOrNullAsync(
            "v1/" + EscapeDocumentName(name),
            GoogleCloudJsonContext.Default.FirestoreDocument,
            FirestoreOperations.Get($"document '{name}'"),
            cancellationToken).ConfigureAwait(false);
    }
}
