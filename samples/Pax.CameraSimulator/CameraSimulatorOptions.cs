namespace Pax.CameraSimulator;

/// <summary>
/// What the simulator serves and how it misbehaves. Everything is deterministic for a given <see cref="Seed"/>:
/// the camera list, which cameras are offline or stale, the images, and which requests a <see cref="FaultRate"/> hits
/// (per camera, by request number).
/// </summary>
public sealed class CameraSimulatorOptions
{
    /// <summary>The number of cameras that fit the purple corridor; the first min(<see cref="Cameras"/>, 82) are placed inside it.</summary>
    public const int CorridorCameras = 82;

    /// <summary>Gets or sets how many cameras the list has.</summary>
    /// <value>The default is 100 (82 in the purple corridor, 18 elsewhere in NYC).</value>
    public int Cameras { get; set; } = 100;

    /// <summary>Gets or sets the delay added to every image request before it is answered (the camera's latency).</summary>
    /// <value>The default is zero.</value>
    public TimeSpan Latency { get; set; }

    /// <summary>Gets or sets the delay added to every camera-list request before it is answered.</summary>
    /// <value>The default is zero: the list is one request per run, and benchmarks measure the image fetches.</value>
    public TimeSpan ListLatency { get; set; }

    /// <summary>Gets or sets the share (0–1) of image requests that get a fault drawn from <see cref="FaultKinds"/>.</summary>
    /// <value>The default is 0.</value>
    public double FaultRate { get; set; }

    /// <summary>Gets or sets the seed of every random choice.</summary>
    /// <value>The default is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the faults <see cref="FaultRate"/> draws from (uniformly).</summary>
    /// <value>The default is every fault: timeout, server error, truncated body, non-JPEG body, slow body.</value>
    public IList<CameraFault> FaultKinds { get; set; } = [CameraFault.Timeout, CameraFault.ServerError, CameraFault.Truncated, CameraFault.NotJpeg, CameraFault.SlowBody];

    /// <summary>Gets or sets how many cameras the list marks offline (<c>"isOnline":"false"</c>); they serve one shared placeholder JPEG.</summary>
    /// <value>The default is 0.</value>
    public int OfflineCameras { get; set; }

    /// <summary>Gets or sets how many online cameras are stale: they serve the same bytes in every slot.</summary>
    /// <value>The default is 0.</value>
    public int StaleCameras { get; set; }

    /// <summary>Gets the faults forced on cameras, keyed by the camera's index in <see cref="CameraSimulatorServer.Cameras"/>.</summary>
    public IDictionary<int, ForcedCameraFault> ForcedFaults { get; } = new Dictionary<int, ForcedCameraFault>();

    /// <summary>Gets or sets the camera list endpoint's fault.</summary>
    /// <value>The default is <see cref="CameraListFault.None"/>.</value>
    public CameraListFault CameraListFault { get; set; }

    /// <summary>Gets or sets how long a <see cref="CameraFault.SlowBody"/> takes to send its body.</summary>
    /// <value>The default is 3 seconds.</value>
    public TimeSpan SlowBodyDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the longest a <see cref="CameraFault.Timeout"/> holds a request whose client is still waiting.</summary>
    /// <value>The default is 2 minutes.</value>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the length of an image slot: a camera's image changes when the slot of the server's clock changes.</summary>
    /// <value>The default is 30 minutes.</value>
    public TimeSpan SlotLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Check(Cameras is >= 1 and <= 100_000, $"{nameof(Cameras)} must be between 1 and 100000; it is {Cameras}.");
        Check(Latency >= TimeSpan.Zero, $"{nameof(Latency)} must not be negative; it is {Latency}.");
        Check(ListLatency >= TimeSpan.Zero, $"{nameof(ListLatency)} must not be negative; it is {ListLatency}.");
        Check(FaultRate is >= 0 and <= 1, $"{nameof(FaultRate)} must be between 0 and 1; it is {FaultRate}.");
        Check(FaultRate == 0 || FaultKinds.Any(k => k != CameraFault.None), $"{nameof(FaultKinds)} must name a fault when {nameof(FaultRate)} is above 0.");
        Check(OfflineCameras >= 0 && StaleCameras >= 0 && OfflineCameras + StaleCameras <= Cameras, $"{nameof(OfflineCameras)} + {nameof(StaleCameras)} must be between 0 and {nameof(Cameras)} ({Cameras}).");
        Check(ForcedFaults.Keys.All(i => i >= 0 && i < Cameras), $"{nameof(ForcedFaults)} keys must be camera indexes from 0 to {Cameras - 1}.");
        Check(ForcedFaults.Values.All(f => f.Times > 0), $"{nameof(ForcedFaults)} must apply at least once.");
        Check(SlowBodyDuration > TimeSpan.Zero, $"{nameof(SlowBodyDuration)} must be positive.");
        Check(MaxHold > TimeSpan.Zero, $"{nameof(MaxHold)} must be positive.");
        Check(SlotLength > TimeSpan.Zero, $"{nameof(SlotLength)} must be positive.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
