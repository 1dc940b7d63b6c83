using System.Globalization;
using System.Net;

namespace Pax.Collection.Cameras;

/// <summary>
/// Fetching a camera's image failed after every attempt the retry policy allowed. <see cref="Failure"/> says why,
/// <see cref="Reason"/> says it in words (for reports), <see cref="Attempts"/> how many requests were made.
/// </summary>
public sealed class CameraFetchException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="cameraId">The camera whose image was fetched.</param>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="reason">A short human-readable reason, such as "HTTP 503 (ServiceUnavailable)".</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="statusCode">The HTTP status of the last answer, when there was one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CameraFetchException(string cameraId, CameraFetchFailure failure, string reason, int attempts, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(FormatMessage(cameraId, reason, attempts), innerException)
    {
        CameraId = cameraId;
        Failure = failure;
        Reason = reason;
        Attempts = attempts;
        StatusCode = statusCode;
    }

    /// <summary>Gets the camera whose image was fetched.</summary>
    public string CameraId { get; }

    /// <summary>Gets the kind of failure.</summary>
    public CameraFetchFailure Failure { get; }

    /// <summary>Gets the short human-readable reason, without the camera id or attempt count.</summary>
    public string Reason { get; }

    /// <summary>Gets how many attempts were made (1 when the failure was not retried).</summary>
    public int Attempts { get; }

    /// <summary>Gets the HTTP status of the last answer when <see cref="Failure"/> is <see cref="CameraFetchFailure.HttpStatus"/>; otherwise <see langword="null"/>.</summary>
    public HttpStatusCode? StatusCode { get; }

    private static string FormatMessage(string cameraId, string reason, int attempts) =>
        string.Format(CultureInfo.InvariantCulture, "Fetching the image of camera {0} failed: {1} ({2} attempt{3}).", cameraId, reason, attempts, attempts == 1 ? string.Empty : "s");
}
