namespace Pax.Collection.Cameras;

/// <summary>Why fetching a camera image failed (see <see cref="CameraFetchException"/>).</summary>
public enum CameraFetchFailure
{
    /// <summary>The server answered with a non-success HTTP status (see <see cref="CameraFetchException.StatusCode"/>).
    /// 5xx, 408 and 429 were retried; other 4xx were not.</summary>
    HttpStatus,

    /// <summary>The image is larger than <see cref="NyctmcOptions.MaxImageBytes"/> (announced or counted while reading). Not retried.</summary>
    TooLarge,

    /// <summary>The body ended before its announced <c>Content-Length</c>, or the connection was cut mid-body. Retried.</summary>
    Truncated,

    /// <summary>The request could not be sent or answered (connection refused or reset, DNS, TLS). Retried.</summary>
    Transport,

    /// <summary>An attempt took longer than <see cref="NyctmcOptions.RequestTimeout"/>. Retried. Never used for the caller's cancellation.</summary>
    Timeout,
}
