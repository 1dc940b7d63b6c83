using System.Diagnostics;
using Pax.Collection.Cameras;

namespace Pax.Benchmarks.Collection;

/// <summary>Wraps the real camera client to time the run's phases: the camera list, and the image fetches.</summary>
internal sealed class TimedCameraSource(ICameraSource inner) : ICameraSource
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _listDoneTicks;
    private long _lastFetchDoneTicks;

    public TimeSpan ListTime => TimeSpan.FromTicks(Interlocked.Read(ref _listDoneTicks));

    public TimeSpan FetchPhase => TimeSpan.FromTicks(Interlocked.Read(ref _lastFetchDoneTicks) - Interlocked.Read(ref _listDoneTicks));

    public async Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken)
    {
        _clock.Restart();
        Interlocked.Exchange(ref _lastFetchDoneTicks, 0);
        var cameras = await inner.GetCamerasAsync(cancellationToken);
        Interlocked.Exchange(ref _listDoneTicks, _clock.Elapsed.Ticks);
        return cameras;
    }

    public async Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken)
    {
        var image = await inner.FetchImageAsync(camera, cancellationToken);
        var now = _clock.Elapsed.Ticks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastFetchDoneTicks);
        }
        while (now > seen && Interlocked.CompareExchange(ref _lastFetchDoneTicks, now, seen) != seen);
        return image;
    }
}
