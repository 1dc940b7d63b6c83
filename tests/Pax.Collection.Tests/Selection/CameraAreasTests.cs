using Pax.Collection.Cameras;
using Pax.Collection.Selection;

namespace Pax.Collection.Tests.Selection;

public sealed class CameraAreasTests
{
    private static readonly CameraArea Corridor = CameraAreas.PurpleCorridor;
    private static readonly IReadOnlyList<GeoPoint> Corners = Corridor.Polygon.Vertices; // NW, NE, SE, SW

    [Fact]
    public void The_purple_corridor_has_the_seed_corners_buffer_and_corner_radius()
    {
        Assert.Equal("purple-corridor", Corridor.Name);
        Assert.Equal(
            [new GeoPoint(-73.981573, 40.773602), new GeoPoint(-73.963402, 40.765911), new GeoPoint(-73.978124, 40.745727), new GeoPoint(-73.996303, 40.753389)],
            Corners);
        Assert.Equal(0.0003, Corridor.BufferDegrees);
        Assert.Equal(0.0005, Corridor.CornerRadiusDegrees);
    }

    [Fact]
    public void A_camera_inside_the_corridor_is_in_it()
    {
        // 5 Ave @ 42 St (Bryant Park corner).
        Assert.True(Corridor.Contains(new Camera("c", "5 Ave @ 42 St", 40.753200, -73.980900, "Manhattan", true)));
        Assert.True(Corridor.Contains(Centroid()));
    }

    [Fact]
    public void A_camera_just_outside_an_edge_is_in_the_buffered_corridor()
    {
        // ~0.00027° (about 23–30 m) outside the middle of the 3rd Ave edge (NE–SE).
        var point = OutsideEdge(Corners[1], Corners[2], 0.00027);

        Assert.False(Corridor.Polygon.Contains(point));
        Assert.True(Corridor.Contains(point));
    }

    [Fact]
    public void A_camera_about_100_m_outside_an_edge_is_not_in_the_corridor()
    {
        var point = OutsideEdge(Corners[0], Corners[1], 0.001);

        Assert.False(Corridor.Contains(point));
    }

    [Fact]
    public void A_camera_near_a_corner_is_in_the_corridor_only_within_the_corner_radius()
    {
        // Along the outward bisector of the NE corner the nearest boundary point is the corner itself.
        var near = OutsideCorner(1, 0.00042);
        var far = OutsideCorner(1, 0.0006);

        Assert.True(Corridor.Polygon.DistanceToBoundary(near) > Corridor.BufferDegrees);
        Assert.True(Corridor.Contains(near));
        Assert.False(Corridor.Contains(far));
    }

    [Theory]
    [InlineData("purple-corridor")]
    [InlineData("Purple-Corridor")]
    [InlineData(" PURPLE-CORRIDOR ")]
    public void Areas_are_found_by_name_ignoring_case(string name)
    {
        Assert.Same(Corridor, CameraAreas.Get(name));
        Assert.True(CameraAreas.TryGet(name, out _));
    }

    [Fact]
    public void An_unknown_area_name_fails_listing_the_known_names()
    {
        var ex = Assert.Throws<ArgumentException>(() => CameraAreas.Get("midtown"));

        Assert.Contains("Unknown camera area 'midtown'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Known areas: purple-corridor", ex.Message, StringComparison.Ordinal);
        Assert.False(CameraAreas.TryGet("midtown", out _));
    }

    private static GeoPoint Centroid() =>
        new(Corners.Average(c => c.Longitude), Corners.Average(c => c.Latitude));

    private static GeoPoint OutsideEdge(GeoPoint a, GeoPoint b, double distance)
    {
        var middle = new GeoPoint((a.Longitude + b.Longitude) / 2, (a.Latitude + b.Latitude) / 2);
        var (nx, ny) = Unit(-(b.Latitude - a.Latitude), b.Longitude - a.Longitude);
        var centre = Centroid();
        if (((middle.Longitude - centre.Longitude) * nx) + ((middle.Latitude - centre.Latitude) * ny) < 0)
        {
            (nx, ny) = (-nx, -ny);
        }

        return new GeoPoint(middle.Longitude + (nx * distance), middle.Latitude + (ny * distance));
    }

    private static GeoPoint OutsideCorner(int index, double distance)
    {
        var corner = Corners[index];
        var (px, py) = Unit(corner.Longitude - Corners[(index + 3) % 4].Longitude, corner.Latitude - Corners[(index + 3) % 4].Latitude);
        var (qx, qy) = Unit(corner.Longitude - Corners[(index + 1) % 4].Longitude, corner.Latitude - Corners[(index + 1) % 4].Latitude);
        var (bx, by) = Unit(px + qx, py + qy);
        return new GeoPoint(corner.Longitude + (bx * distance), corner.Latitude + (by * distance));
    }

    private static (double X, double Y) Unit(double x, double y)
    {
        var length = Math.Sqrt((x * x) + (y * y));
        return (x / length, y / length);
    }
}
