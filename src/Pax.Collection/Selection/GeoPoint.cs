using Pax.Collection.Cameras;

namespace Pax.Collection.Selection;

/// <summary>A WGS84 position as (longitude, latitude) in degrees, the order GeoJSON and the seed system use.</summary>
/// <param name="Longitude">Longitude in degrees (x).</param>
/// <param name="Latitude">Latitude in degrees (y).</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Gets a camera's position.</summary>
    /// <param name="camera">The camera.</param>
    /// <returns>Its (longitude, latitude).</returns>
    public static GeoPoint Of(Camera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new GeoPoint(camera.Longitude, camera.Latitude);
    }

    /// <summary>Gets the planar distance to another point, in degrees (longitude and latitude taken as x and y, as the seed system did).</summary>
    /// <param name="other">The other point.</param>
    /// <returns>The distance in degrees.</returns>
    public double DistanceTo(GeoPoint other)
    {
        var dx = Longitude - other.Longitude;
        var dy = Latitude - other.Latitude;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
