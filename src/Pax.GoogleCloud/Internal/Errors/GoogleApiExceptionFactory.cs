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

    public static GoogleApiException Create(HttpStatusCode status, string? body, GoogleOperation operation) =>
        Create(status, GoogleErrorParser.Parse(body), operation);

    public static GoogleApiException Create(HttpStatusCode status, GoogleError error, GoogleOperation operation)
    {
        var said = error.Message is null ? string.Empty : $" Google said: {error.Message}";
        var message = status switch
        {
            HttpStatusCode.Unauthorized =>
                $"{operation} was not authenticated (HTTP 401): the access token is missing, expired or not accepted. "
                + $"Check Application Default Credentials (on Cloud Run, the runtime service account of the service or job making the call; locally, "
                + $"'gcloud auth application-default login' or GOOGLE_APPLICATION_CREDENTIALS); that identity needs {operation.Permission} (grant {operation.Role}).{said}",
            HttpStatusCode.Forbidden =>
                $"{operation} denied: grant {operation.Role} to the identity this process calls Google as: on Cloud Run, the "
                + $"runtime service account of the service or job making the call (such as the orchestrator service for a "
                + $"trigger); locally, the Application Default Credentials identity.{said}",
            _ => $"{operation} failed with HTTP {(int)status} ({Describe(status, error)}).{said}",
        };
        return new GoogleApiException(operation.Api, status, error.Status, error.Reason, message);
    }

    /// <summary>
    /// The error element that ended a streamed answer (Firestore <c>runQuery</c>, <c>batchGet</c>) after the status
    /// line said 200: the call failed, whatever came before it.
    /// </summary>
    public static GoogleApiException CreateStreamError(GoogleErrorBody body, int resultsBefore, GoogleOperation operation)
    {
        var error = GoogleErrorParser.FromBody(body);
        var status = body.Code is >= 400 and < 600 ? (HttpStatusCode)body.Code.Value : HttpStatusCode.InternalServerError;
        var said = error.Message is null ? string.Empty : $" Google said: {error.Message}";
        return new GoogleApiException(
            operation.Api,
            status,
            error.Status,
            error.Reason,
            $"{operation} failed part-way: the streamed answer ended with an error after {resultsBefore} result(s) ({Describe(status, error)}, code {(int)status}).{said}");
    }

    private static string Describe(HttpStatusCode status, GoogleError error)
    {
        var name = error.Status ?? status.ToString();
        return error.Reason is null ? name : $"{name}, reason {error.Reason}";
    }
}
