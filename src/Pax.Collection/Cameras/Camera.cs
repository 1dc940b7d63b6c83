namespace Pax.Collection.Cameras;

/// <summary>
/// A traffic camera as the NYCTMC webcam API (or a manifest) describes it.
/// </summary>
/// <param name="Id">The provider's camera id (a lower-case GUID for NYCTMC). Validated with <see cref="Snapshots.CameraId"/> before it reaches a path or object name.</param>
/// <param name="Name">Free-text name such as "Central Park West @ 86 St".</param>
/// <param name="Latitude">WGS84 latitude in degrees.</param>
/// <param name="Longitude">WGS84 longitude in degrees.</param>
/// <param name="Area">The borough ("Manhattan", "Brooklyn", …), or <see langword="null"/> when unknown.</param>
/// <param name="IsOnline">Whether the provider lists the camera as online.</param>
public sealed record Camera(string Id, string Name, double Latitude, double Longitude, string? Area, bool IsOnline)
{
    /// <summary>Gets the camera's number in a manifest (1-based), or <see langword="null"/> when it came from the API.</summary>
    public int? Number { get; init; }

    /// <summary>Gets the image URL the provider announced for this camera, if any. Only followed on the configured API host.</summary>
    public Uri? ImageUrl { get; init; }
}
