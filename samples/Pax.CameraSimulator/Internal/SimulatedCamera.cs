using Pax.Collection.Cameras;

namespace Pax.CameraSimulator.Internal;

/// <summary>A camera the simulator serves, with its seeded traits.</summary>
/// <param name="Index">The camera's position in the list.</param>
/// <param name="Camera">The camera as the list describes it (without the image URL, which depends on the request's host).</param>
/// <param name="Key">A seeded 64-bit key that shapes the camera's images.</param>
/// <param name="IsStale">Whether the camera serves the same image in every slot.</param>
internal sealed record SimulatedCamera(int Index, Camera Camera, ulong Key, bool IsStale)
{
    public string Id => Camera.Id;
}
