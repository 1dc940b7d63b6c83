using System.Net;

namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>Turns a failed answer into a <see cref="GoogleApiException"/> whose message says what to do.</summary>
internal static class GoogleApiExceptionFactory
{
    public static async Task<GoogleApiException> CreateAsync(HttpResponseMessage response, GoogleOperation operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Create(response.StatusCode, body, operation);
    }

    public static GoogleApiException Create(HttpStatusCode status, string? body, GoogleOperation operation)
    {
        var error = GoogleErrorParser.Parse(body);
        var said = error.Message is null ? string.Empty : $" Google said: {error.Message}";
        var message = status switch
        {
            HttpStatusCode.Unauthorized =>
                $"{operation} was not authenticated (HTTP 401): the access token is missing, expired or not accepted. "
                + $"Check Application Default Credentials (on Cloud Run, the service account the job runs as; locally, "
                + $"'gcloud auth application-default login' or GOOGLE_APPLICATION_CREDENTIALS); that identity needs {operation.Permission} (grant {operation.Role}).{said}",
            HttpStatusCode.Forbidden =>
                $"{operation} denied: grant {operation.Role} to the service account the job runs as "
                + $"(or, locally, to the Application Default Credentials identity).{said}",
            _ => $"{operation} failed with HTTP {(int)status} ({Describe(status, error)}).{said}",
        };
        return new GoogleApiException(operation.Api, status, error.Status, error.Reason, message);
    }

    private static string Describe(HttpStatusCode status, GoogleError error)
    {
        var name = error.Status ?? status.ToString();
        return error.Reason is null ? name : $"{name}, reason {error.Reason}";
    }
}
