using Pax.Collection.Selection;

namespace Pax.Collection.Tests.Selection;

public sealed class GeoPolygonTests
{
    private static readonly GeoPolygon Square = new([new(0, 0), new(1, 0), new(1, 1), new(0, 1)]);

    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(0.01, 0.99, true)]
    [InlineData(1.5, 0.5, false)]
    [InlineData(-0.1, -0.1, false)]
    public void Contains_tells_inside_from_outside(double longitude, double latitude, bool inside)
    {
        Assert.Equal(inside, Square.Contains(new GeoPoint(longitude, latitude)));
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(0.5, 0.1, 0.1)]
    [InlineData(1.3, 0.5, 0.3)]
    [InlineData(2, 2, 1.4142135623730951)]
    public void DistanceToBoundary_is_the_planar_distance_to_the_nearest_edge(double longitude, double latitude, double expected)
    {
        Assert.Equal(expected, Square.DistanceToBoundary(new GeoPoint(longitude, latitude)), 12);
    }

    [Fact]
    public void A_repeated_closing_vertex_is_dropped()
    {
        var closed = new GeoPolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]);

        Assert.Equal(3, closed.Vertices.Count);
    }

    [Fact]
    public void A_polygon_needs_three_vertices_with_finite_coordinates()
    {
        Assert.Throws<ArgumentException>(() => new GeoPolygon([new(0, 0), new(1, 1)]));
        Assert.Throws<ArgumentException>(() => new GeoPolygon([new(0, 0), new(1, double.NaN), new(1, 1)]));
    }
}
