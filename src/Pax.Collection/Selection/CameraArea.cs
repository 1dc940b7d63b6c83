using Pax.Collection.Cameras;

namespace Pax.Collection.Selection;

/// <summary>
/// A named area cameras are selected from: a polygon, widened by a buffer (cameras on or just outside an edge
/// count) and by a radius around each corner (cameras at a corner intersection count).
/// </summary>
public sealed class CameraArea
{
    /// <summary>Initializes an area.</summary>
    /// <param name="name">The area's name, such as <c>purple-corridor</c>.</param>
    /// <param name="polygon">The boundary.</param>
    /// <param name="bufferDegrees">How far outside an edge a camera still counts, in degrees (0 for none).</param>
    /// <param name="cornerRadiusDegrees">How far from a corner a camera still counts, in degrees (0 for none).</param>
    /// <param name="description">A human description of the boundary, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The name is empty, or a distance is negative or not finite.</exception>
    public CameraArea(string name, GeoPolygon polygon, double bufferDegrees = 0, double cornerRadiusDegrees = 0, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(polygon);
        if (!double.IsFinite(bufferDegrees) || bufferDegrees < 0)
        {
            throw new ArgumentException("The buffer must be a finite, non-negative number of degrees.", nameof(bufferDegrees));
        }

        if (!double.IsFinite(cornerRadiusDegrees) || cornerRadiusDegrees < 0)
        {
            throw new ArgumentException("The corner radius must be a finite, non-negative number of degrees.", nameof(cornerRadiusDegrees));
        }

        Name = name;
        Polygon = polygon;
        BufferDegrees = bufferDegrees;
        CornerRadiusDegrees = cornerRadiusDegrees;
        Description = description;
    }

    /// <summary>Gets the area's name.</summary>
    public string Name { get; }

    /// <summary>Gets the boundary.</summary>
    public GeoPolygon Polygon { get; }

    /// <summary>Gets how far outside an edge a camera still counts, in degrees.</summary>
    public double BufferDegrees { get; }

    /// <summary>Gets how far from a corner a camera still counts, in degrees.</summary>
    public double CornerRadiusDegrees { get; }

    /// <summary>Gets the human description of the boundary, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Returns whether a point is in the area: inside the polygon, within the buffer of an edge, or within the corner radius of a vertex.</summary>
    /// <param name="point">The point.</param>
    /// <returns><see langword="true"/> when the point counts as in the area.</returns>
    public bool Contains(GeoPoint point) =>
        Polygon.Contains(point)
        || Polygon.DistanceToBoundary(point) <= BufferDegrees
        || Polygon.DistanceToNearestVertex(point) <= CornerRadiusDegrees;

    /// <summary>Returns whether a camera is in the area (see <see cref="Contains(GeoPoint)"/>).</summary>
    /// <param name="camera">The camera.</param>
    /// <returns><see langword="true"/> when the camera counts as in the area.</returns>
    public bool Contains(Camera camera) => Contains(GeoPoint.Of(camera));

    /// <inheritdoc />
    public override string ToString() => Name;
}
