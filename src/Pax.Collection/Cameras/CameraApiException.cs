using System.Net;

namespace Pax.Collection.Cameras;

/// <summary>
/// The camera list could not be read: the API was unreachable, answered with an error status after the retries,
/// or sent something that is not a JSON array. The message says which.
/// </summary>
public sealed class CameraApiException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong, including the URL.</param>
    /// <param name="statusCode">The HTTP status of the last answer, when the failure was one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CameraApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status of the last answer when the API answered with an error status; otherwise <see langword="null"/>.</summary>
    public HttpStatusCode? StatusCode { get; }
}
