namespace Pax.Collection.Selection;

/// <summary>
/// A simple polygon in (longitude, latitude) degrees, treated as planar (fine for areas of a few kilometres, and what
/// the seed system did). The ring closes implicitly: the last vertex connects back to the first.
/// </summary>
public sealed class GeoPolygon
{
    private readonly GeoPoint[] _vertices;

    /// <summary>Initializes a polygon.</summary>
    /// <param name="vertices">At least three vertices in ring order, without repeating the first at the end.</param>
    /// <exception cref="ArgumentException">Fewer than three vertices, or a coordinate that is not finite.</exception>
    public GeoPolygon(IEnumerable<GeoPoint> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        _vertices = [.. vertices];
        if (_vertices.Length >= 2 && _vertices[0] == _vertices[^1])
        {
            _vertices = _vertices[..^1];
        }

        if (_vertices.Length < 3)
        {
            throw new ArgumentException("A polygon needs at least three distinct vertices.", nameof(vertices));
        }

        if (_vertices.Any(v => !double.IsFinite(v.Longitude) || !double.IsFinite(v.Latitude)))
        {
            throw new ArgumentException("Polygon vertices must have finite coordinates.", nameof(vertices));
        }
    }

    /// <summary>Gets the vertices in ring order.</summary>
    public IReadOnlyList<GeoPoint> Vertices => _vertices;

    /// <summary>Returns whether a point lies inside the polygon (even-odd rule; points exactly on an edge may fall either way).</summary>
    /// <param name="point">The point.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = _vertices.Length - 1; i < _vertices.Length; j = i++)
        {
            var a = _vertices[i];
            var b = _vertices[j];
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude))
            {
                var crossing = ((b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude)) + a.Longitude;
                if (point.Longitude < crossing)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Gets the shortest planar distance from a point to the polygon's boundary, in degrees (0 on an edge; positive inside and outside).</summary>
    /// <param name="point">The point.</param>
    /// <returns>The distance in degrees.</returns>
    public double DistanceToBoundary(GeoPoint point)
    {
        var best = double.PositiveInfinity;
        for (int i = 0, j = _vertices.Length - 1; i < _vertices.Length; j = i++)
        {
            best = Math.Min(best, DistanceToSegment(point, _vertices[j], _vertices[i]));
        }

        return best;
    }

    /// <summary>Gets the planar distance from a point to the nearest vertex, in degrees.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The distance in degrees.</returns>
    public double DistanceToNearestVertex(GeoPoint point) => _vertices.Min(v => v.DistanceTo(point));

    private static double DistanceToSegment(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var dx = b.Longitude - a.Longitude;
        var dy = b.Latitude - a.Latitude;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0
            ? 0
            : Math.Clamp((((p.Longitude - a.Longitude) * dx) + ((p.Latitude - a.Latitude) * dy)) / lengthSquared, 0, 1);
        return p.DistanceTo(new GeoPoint(a.Longitude + (t * dx), a.Latitude + (t * dy)));
    }
}
