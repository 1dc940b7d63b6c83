namespace Pax.GoogleCloud.Firestore;

/// <summary>
/// The Firestore database Pax was configured to use does not exist: Google answered 404 <c>NOT_FOUND</c> with "The
/// database (default) does not exist for project …" (or the older "The project … does not exist or it does not
/// contain an active Cloud Datastore or Cloud Firestore database"). A configuration error, not a missing document:
/// no retry or re-read helps until the database is created or the project id is corrected, so callers fail fast.
/// Its <see cref="Exception.InnerException"/> is the <see cref="GoogleApiException"/> Google's answer produced.
/// </summary>
internal sealed class FirestoreDatabaseNotFoundException : InvalidOperationException
{
    /// <summary>Initializes a new instance whose message names the database and the project and says how to fix it.</summary>
    /// <param name="projectId">The project the request named.</param>
    /// <param name="databaseId">The database the request named, such as <c>(default)</c>.</param>
    /// <param name="innerException">Google's answer as an exception, if any.</param>
    public FirestoreDatabaseNotFoundException(string projectId, string databaseId, Exception? innerException = null)
        : base(
            $"Firestore database '{databaseId}' does not exist in project '{projectId}'. Create it (gcloud firestore databases create "
            + $"--database='{databaseId}' --location=LOCATION --project={projectId}) or point Pax at the project that has it "
            + "(GOOGLE_CLOUD_PROJECT, or the store's Firestore:ProjectId setting)."
            + (innerException is GoogleApiException google ? $" {google.Message}" : string.Empty),
            innerException)
    {
        ProjectId = projectId;
        DatabaseId = databaseId;
    }

    /// <summary>Gets the project the request named.</summary>
    public string ProjectId { get; }

    /// <summary>Gets the database the request named, such as <c>(default)</c>.</summary>
    public string DatabaseId { get; }
}
