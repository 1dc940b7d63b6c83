using Pax.Collection.Cameras;

namespace Pax.CameraSimulator.Internal;

/// <summary>What the endpoints share: the options, the cameras by id, the fault planner and the image store.</summary>
internal sealed class SimulatorState
{
    private readonly Dictionary<string, SimulatedCamera> _byId;
    private int _cameraListRequests;

    public SimulatorState(CameraSimulatorOptions options, TimeProvider timeProvider)
    {
        Options = options;
        Cameras = CameraCatalog.Generate(options);
        _byId = Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Faults = new FaultPlanner(options, Cameras);
        Images = new ImageStore(options, timeProvider);
    }

    public CameraSimulatorOptions Options { get; }

    public IReadOnlyList<SimulatedCamera> Cameras { get; }

    public FaultPlanner Faults { get; }

    public ImageStore Images { get; }

    public int CameraListRequests => Volatile.Read(ref _cameraListRequests);

    public bool TryGet(string? id, out SimulatedCamera camera) => _byId.TryGetValue(id ?? string.Empty, out camera!);

    public SimulatedCamera Get(string id) =>
        TryGet(id, out var camera) ? camera : throw new ArgumentException($"The simulator has no camera with id '{id}'.", nameof(id));

    public void CountCameraListRequest() => Interlocked.Increment(ref _cameraListRequests);

    public static Camera WithImageUrl(Camera camera, string origin) =>
        camera with { ImageUrl = new Uri($"{origin}/api/cameras/{Uri.EscapeDataString(camera.Id)}/image") };
}
