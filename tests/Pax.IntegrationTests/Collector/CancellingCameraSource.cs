using Pax.Collection.Cameras;

namespace Pax.IntegrationTests.Collector;

/// <summary>Passes through to the real camera client and cancels the run (like Ctrl+C) once some images were fetched.</summary>
internal sealed class CancellingCameraSource(ICameraSource inner, CancellationTokenSource interrupt, int afterImages) : ICameraSource
{
    private int _fetched;

    public Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken) => inner.GetCamerasAsync(cancellationToken);

    public async Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken)
    {
        var image = await inner.FetchImageAsync(camera, cancellationToken);
        if (Interlocked.Increment(ref _fetched) == afterImages)
        {
            await interrupt.CancelAsync();
        }

        return image;
    }
}
