using Pax.GoogleCloud;

namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// Turns Google.Cloud.Storage.V1's <see cref="Google.GoogleApiException"/> into Pax's <see cref="GoogleApiException"/>,
/// so callers handle one error type, and names the role to grant when Cloud Storage refuses a permission
/// (cloud.google.com/storage/docs/access-control/iam-roles).
/// </summary>
internal static class GcsErrors
{
    public static GoogleApiException Translate(Google.GoogleApiException exception, string operation, string resource, string role)
    {
        var status = exception.HttpStatusCode;
        var reason = exception.Error?.Errors?.FirstOrDefault()?.Reason;
        var said = exception.Error?.Message ?? exception.Message;
        var message = (int)status switch
        {
            401 => $"Cloud Storage refused the credentials for {operation} {resource} (HTTP 401): {said}. Check Application Default Credentials.",
            403 => $"Cloud Storage denied {operation} {resource} (HTTP 403): {said} — grant {role} on the bucket to the account the job runs as.",
            _ => $"Cloud Storage answered HTTP {(int)status} to {operation} {resource}: {said}",
        };
        return new GoogleApiException("storage", status, null, reason, message, exception);
    }
}
