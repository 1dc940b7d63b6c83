using System.Net;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud;

/// <summary>
/// A Google Cloud REST call failed. Carries the HTTP status, Google's error <c>status</c> string
/// (such as <c>PERMISSION_DENIED</c> or <c>ALREADY_EXISTS</c>), the first error <c>reason</c> (such as
/// <c>conditionNotMet</c>) and whether retrying the same request may succeed.
/// </summary>
public sealed class GoogleApiException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="api">The API that answered, such as <c>storage</c>.</param>
    /// <param name="httpStatus">The HTTP status code.</param>
    /// <param name="status">Google's error status string, or <see langword="null"/> when the body had none.</param>
    /// <param name="reason">The first error reason, or <see langword="null"/>.</param>
    /// <param name="message">The message, including what the caller can do about it.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public GoogleApiException(string api, HttpStatusCode httpStatus, string? status, string? reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Api = api;
        HttpStatus = httpStatus;
        Status = status;
        Reason = reason;
    }

    /// <summary>Gets the API that answered, such as <c>storage</c>.</summary>
    public string Api { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode HttpStatus { get; }

    /// <summary>Gets Google's error status string (google.rpc.Code name), such as <c>PERMISSION_DENIED</c>, or <see langword="null"/>.</summary>
    public string? Status { get; }

    /// <summary>Gets the first error reason from the body (such as <c>conditionNotMet</c>), or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the same request may succeed when retried (HTTP 408, 429 and 5xx).</summary>
    public bool IsRetryable => GoogleRetryRules.IsRetryableStatus(HttpStatus);
}
