using System.Collections.Concurrent;
using Pax.Collection.Cameras;

namespace Pax.Collection.Tests.Runs;

/// <summary>An in-memory camera source whose images and failures are set per camera.</summary>
internal sealed class FakeCameraSource(TimeProvider timeProvider) : ICameraSource
{
    private int _inFlight;

    public List<Camera> Cameras { get; } = [];

    public Func<IReadOnlyList<Camera>>? ListOverride { get; set; }

    public ConcurrentDictionary<string, Func<Camera, CancellationToken, Task<CameraImage>>> Behaviours { get; } = new();

    public ConcurrentBag<string> Fetched { get; } = [];

    public int MaxInFlight { get; private set; }

    public static byte[] Jpeg(string seed, int length = 2048)
    {
        var bytes = new byte[length];
        new Random(seed.GetHashCode(StringComparison.Ordinal)).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public Camera Add(string id, bool online = true)
    {
        var camera = new Camera(id, $"Camera {id}", 40.76, -73.98, "Manhattan", online);
        Cameras.Add(camera);
        return camera;
    }

    /// <summary>Gets or sets what the camera list waits for before it answers (a gate of the test's), if anything.</summary>
    public Func<CancellationToken, Task>? BeforeList { get; set; }

    public async Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken)
    {
        if (BeforeList is { } gate)
        {
            await gate(cancellationToken);
        }

        return ListOverride?.Invoke() ?? Cameras.ToList();
    }

    public async Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (Fetched)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            Fetched.Add(camera.Id);
            if (Behaviours.TryGetValue(camera.Id, out var behaviour))
            {
                return await behaviour(camera, cancellationToken);
            }

            await Task.Yield();
            return new CameraImage(camera.Id, Jpeg(camera.Id), "image/jpeg", timeProvider.GetUtcNow(), 1);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
