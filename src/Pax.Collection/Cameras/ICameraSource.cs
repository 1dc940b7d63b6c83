namespace Pax.Collection.Cameras;

/// <summary>
/// Where cameras and their images come from. <see cref="NyctmcCameraClient"/> is the NYCTMC implementation;
/// other providers (or tests) implement this to reuse the collection run.
/// </summary>
public interface ICameraSource
{
    /// <summary>Gets every camera the provider lists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The cameras, possibly empty.</returns>
    /// <exception cref="CameraApiException">The list could not be had or read; the message says why.</exception>
    Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken);

    /// <summary>Fetches a camera's current image, retrying transient failures.</summary>
    /// <param name="camera">The camera.</param>
    /// <param name="cancellationToken">Cancels the fetch; cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The image.</returns>
    /// <exception cref="CameraFetchException">The image could not be fetched; <see cref="CameraFetchException.Failure"/> says how.</exception>
    Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken);
}
