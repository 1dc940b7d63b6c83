using System.Net;
using System.Text.RegularExpressions;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>
/// Firestore's failures that need their own exception. A 404 <c>NOT_FOUND</c> is either a missing document
/// ("Document (…) not found.", "No document to update: …") or a missing database, told apart by the message:
/// "The database (default) does not exist for project P Please visit https://console.cloud.google.com/datastore/setup?project=P
/// to add a Cloud Datastore or Cloud Firestore database." (production, as reported in public code and
/// firebase/firebase-admin-node#2563) or, from older back ends, "The project P does not exist or it does not contain an
/// active Cloud Datastore or Cloud Firestore database." (googleapis/nodejs-firestore#991).
/// </summary>
internal static partial class FirestoreErrors
{
    public static Exception? Translate(Uri? requestUri, GoogleError error, GoogleApiException exception)
    {
        if (!IsDatabaseMissing(exception.HttpStatus, error))
        {
            return null;
        }

        var match = requestUri is null ? null : DatabasePath().Match(requestUri.AbsolutePath);
        var project = match is { Success: true } ? Uri.UnescapeDataString(match.Groups["project"].Value) : "?";
        var database = match is { Success: true } ? Uri.UnescapeDataString(match.Groups["database"].Value) : "(default)";
        return new FirestoreDatabaseNotFoundException(project, database, exception);
    }

    public static bool IsDatabaseMissing(HttpStatusCode status, GoogleError error) =>
        status == HttpStatusCode.NotFound
        && error.Status is null or FirestoreErrorStatus.NotFound
        && error.Message is { } message
        && ((message.StartsWith("The database ", StringComparison.Ordinal) && message.Contains(" does not exist for project ", StringComparison.Ordinal))
            || (message.StartsWith("The project ", StringComparison.Ordinal) && message.Contains("does not contain an active Cloud Datastore or Cloud Firestore database", StringComparison.Ordinal)));

    [GeneratedRegex("/projects/(?<project>[^/]+)/databases/(?<database>[^/:]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DatabasePath();
}
