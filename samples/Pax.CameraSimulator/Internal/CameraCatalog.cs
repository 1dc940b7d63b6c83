using Pax.Collection.Cameras;
using Pax.Collection.Selection;

namespace Pax.CameraSimulator.Internal;

/// <summary>
/// Generates the camera list from the seed: GUID ids, NYCTMC-style names, the first min(N, 82) cameras inside the
/// purple corridor polygon and the rest spread over New York City outside it; then which are offline and which stale.
/// </summary>
internal static class CameraCatalog
{
    // New York City's bounding box, roughly.
    private const double WestLongitude = -74.25;
    private const double EastLongitude = -73.70;
    private const double SouthLatitude = 40.50;
    private const double NorthLatitude = 40.91;

    public static IReadOnlyList<SimulatedCamera> Generate(CameraSimulatorOptions options)
    {
        var random = new Random(options.Seed);
        var cameras = new List<Camera>(options.Cameras);
        var inCorridor = Math.Min(options.Cameras, CameraSimulatorOptions.CorridorCameras);
        for (var i = 0; i < options.Cameras; i++)
        {
            cameras.Add(i < inCorridor ? CorridorCamera(random) : OutsideCamera(random));
        }

        // Offline and stale cameras are picked from a seeded shuffle of the indexes.
        var order = Enumerable.Range(0, options.Cameras).ToArray();
        random.Shuffle(order);
        var offline = order.Take(options.OfflineCameras).ToHashSet();
        var stale = order.Skip(options.OfflineCameras).Take(options.StaleCameras).ToHashSet();
        return [.. cameras.Select((camera, index) => new SimulatedCamera(
            index,
            camera with { IsOnline = !offline.Contains(index) },
            StableHash.Mix((ulong)options.Seed, (ulong)index),
            stale.Contains(index)))];
    }

    private static Camera CorridorCamera(Random random)
    {
        // Bilinear interpolation of the corridor's corners: with both coordinates in (0, 1) the point is inside the
        // (convex) quadrilateral, away from its edges.
        var corners = CameraAreas.PurpleCorridor.Polygon.Vertices; // NW, NE, SE, SW
        var across = 0.03 + (0.94 * random.NextDouble());
        var along = 0.03 + (0.94 * random.NextDouble());
        var south = Lerp(corners[3], corners[2], across);
        var north = Lerp(corners[0], corners[1], across);
        var point = Lerp(south, north, along);
        return new Camera(NewId(random), StreetNames.ForCorridor(across, along), Round(point.Latitude), Round(point.Longitude), "Manhattan", true);
    }

    private static Camera OutsideCamera(Random random)
    {
        while (true)
        {
            var point = new GeoPoint(
                WestLongitude + ((EastLongitude - WestLongitude) * random.NextDouble()),
                SouthLatitude + ((NorthLatitude - SouthLatitude) * random.NextDouble()));
            if (CameraAreas.PurpleCorridor.Contains(point) || CameraAreas.PurpleCorridor.Polygon.DistanceToBoundary(point) < 0.002)
            {
                continue;
            }

            var borough = StreetNames.BoroughOf(point.Longitude, point.Latitude);
            return new Camera(NewId(random), StreetNames.ForBorough(borough, random), Round(point.Latitude), Round(point.Longitude), borough, true);
        }
    }

    private static GeoPoint Lerp(GeoPoint a, GeoPoint b, double t) =>
        new(a.Longitude + ((b.Longitude - a.Longitude) * t), a.Latitude + ((b.Latitude - a.Latitude) * t));

    private static double Round(double degrees) => Math.Round(degrees, 6);

    /// <summary>A version-4 GUID from the seeded generator, lower case like NYCTMC's.</summary>
    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
