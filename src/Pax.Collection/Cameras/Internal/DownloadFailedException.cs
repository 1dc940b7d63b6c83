using System.Net;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// One attempt (or, once the retries are spent, the whole download) failed. Thrown inside the resilience pipeline
/// so the retry strategy can read <see cref="IsTransient"/>; the client turns it into a public exception.
/// </summary>
internal sealed class DownloadFailedException : Exception
{
    public DownloadFailedException(CameraFetchFailure failure, string reason, bool isTransient, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Failure = failure;
        Reason = reason;
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    public CameraFetchFailure Failure { get; }

    public string Reason { get; }

    public bool IsTransient { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets or sets how many attempts were made; set once the pipeline gives up.</summary>
    public int Attempts { get; set; } = 1;
}
