
namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// Turns what Google.Cloud.Storage.V1 throws into Pax's <see cref="SnapshotSinkException"/>, so callers of
/// <see cref="ISnapshotSink"/> never see the client's <see cref="Google.GoogleApiException"/>, and names the role to
/// grant when Cloud Storage refuses a permission (cloud.google.com/storage/docs/access-control/iam-roles).
/// </summary>
/// <remarks>
/// Kinds follow Cloud Storage's error codes (cloud.google.com/storage/docs/json_api/v1/status-codes; FACTS §2):
/// 401/403 → <see cref="SnapshotSinkFailure.AccessRefused"/>; what the retry strategy retries (408, 429, 500, 502,
/// 503, 504, transport errors — cloud.google.com/storage/docs/retry-strategy), once the retries ran out →
/// <see cref="SnapshotSinkFailure.Unavailable"/>; anything else (400 on a CRC32C mismatch, 404 on a missing bucket) →
/// <see cref="SnapshotSinkFailure.Rejected"/>.
/// </remarks>
internal static class GcsErrors
{
    /// <summary>Returns whether <paramref name="exception"/> is a failure of the Cloud Storage call (not a cancellation or a bug).</summary>
    public static bool IsClientFailure(Exception exception) => exception is Google.GoogleApiException or HttpRequestException or IOException;

    public static SnapshotSinkException Translate(Exception exception, string operation, string resource, string role)
    {
        if (exception is not Google.GoogleApiException google)
        {
            return new SnapshotSinkException(SnapshotSinkFailure.Unavailable, $"Cloud Storage could not be reached for {operation} {resource}: {exception.Message}", exception);
        }

        var status = google.HttpStatusCode;
        var said = google.Error?.Message ?? google.Message;
        var (failure, message) = (int)status switch
        {
            401 => (SnapshotSinkFailure.AccessRefused, $"Cloud Storage refused the credentials for {operation} {resource} (HTTP 401): {said}. Check Application Default Credentials."),
            403 => (SnapshotSinkFailure.AccessRefused, $"Cloud Storage denied {operation} {resource} (HTTP 403): {said} — grant {role} on the bucket to the account the job runs as."),
            _ when GcsRetryPipeline.IsRetryableStatus(status) => (SnapshotSinkFailure.Unavailable, $"Cloud Storage kept answering HTTP {(int)status} to {operation} {resource}, retries included: {said}"),
            _ => (SnapshotSinkFailure.Rejected, $"Cloud Storage answered HTTP {(int)status} to {operation} {resource}: {said}"),
        };
        return new SnapshotSinkException(failure, message, exception);
    }
}
