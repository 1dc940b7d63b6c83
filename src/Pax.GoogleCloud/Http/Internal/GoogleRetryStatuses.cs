using System.Net;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// Per-request extra retry conditions by google.rpc status name, for APIs whose Google client retries more than the
/// HTTP rules (408, 429, 5xx) cover: Pub/Sub publish also retries <c>ABORTED</c> (409) and <c>CANCELLED</c> (499).
/// Only requests marked <see cref="GoogleRequestOptionKeys.Retryable"/> are considered.
/// </summary>
internal static class GoogleRetryStatuses
{
    public static readonly HttpRequestOptionsKey<IReadOnlySet<string>> Key = new("Pax.GoogleCloud.RetryStatuses");

    /// <summary>
    /// Google's publisher retry codes for <c>Publish</c>: googleapis/python-pubsub
    /// <c>google/pubsub_v1/services/publisher/transports/…</c> / <c>publisher_client_config</c> "publish" retry_codes
    /// (public code hit find_string id 589501130), the same in googleapis' <c>pubsub_grpc_service_config.json</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> PubSubPublish = new HashSet<string>(
        ["ABORTED", "CANCELLED", "DEADLINE_EXCEEDED", "INTERNAL", "RESOURCE_EXHAUSTED", "UNAVAILABLE", "UNKNOWN"], StringComparer.Ordinal);

    /// <summary>Returns whether the failed <paramref name="response"/> carries one of the request's extra retry statuses.</summary>
    public static async ValueTask<bool> MatchesAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode || !request.Options.TryGetValue(Key, out var statuses))
        {
            return false;
        }

        // The body is buffered (ResponseBufferingHandler sits inside the retry handler), so reading it here leaves it readable.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = GoogleErrorParser.Parse(body).Status ?? FromHttp(response.StatusCode);
        return status is not null && statuses.Contains(status);
    }

    /// <summary>The google.rpc code an HTTP status stands for when the body names none (google/rpc/code.proto mapping).</summary>
    private static string? FromHttp(HttpStatusCode status) => (int)status switch
    {
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        500 => "INTERNAL",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => null,
    };
}
