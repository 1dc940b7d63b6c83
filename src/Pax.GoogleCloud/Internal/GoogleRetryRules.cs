using System.Net;

namespace Pax.GoogleCloud.Internal;

/// <summary>
/// Google's retry rules in one place (cloud.google.com/storage/docs/retry-strategy): which answers are worth
/// retrying. Whether a request may be retried at all is the caller's call: only idempotent requests, or mutations
/// guarded by a precondition (such as <c>ifGenerationMatch</c>), are.
/// </summary>
internal static class GoogleRetryRules
{
    /// <summary>Returns whether an HTTP status is transient: 408, 429, 500, 502, 503 or 504.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <returns><see langword="true"/> when the same request may succeed later.</returns>
    public static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;
}
