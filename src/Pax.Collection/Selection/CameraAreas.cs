using System.Diagnostics.CodeAnalysis;

namespace Pax.Collection.Selection;

/// <summary>The built-in camera areas, looked up by name (case-insensitive).</summary>
public static class CameraAreas
{
    /// <summary>The name of <see cref="PurpleCorridor"/>: <c>purple-corridor</c>.</summary>
    public const string PurpleCorridorName = "purple-corridor";

    /// <summary>
    /// Gets the seed system's "purple corridor": Manhattan from 34th to 66th Street between 3rd Avenue and
    /// 9th Avenue/Amsterdam. Corners (longitude, latitude) NW (-73.981573, 40.773602), NE (-73.963402, 40.765911),
    /// SE (-73.978124, 40.745727), SW (-73.996303, 40.753389); buffer 0.0003° (~33 m), corner radius 0.0005° (~55 m).
    /// </summary>
    public static CameraArea PurpleCorridor { get; } = new(
        PurpleCorridorName,
        new GeoPolygon(
        [
            new GeoPoint(-73.981573, 40.773602),
            new GeoPoint(-73.963402, 40.765911),
            new GeoPoint(-73.978124, 40.745727),
            new GeoPoint(-73.996303, 40.753389),
        ]),
        bufferDegrees: 0.0003,
        cornerRadiusDegrees: 0.0005,
        description: "34th-66th St, 3rd-9th/Amsterdam");

    /// <summary>Gets every built-in area.</summary>
    public static IReadOnlyList<CameraArea> All { get; } = [PurpleCorridor];

    /// <summary>Finds a built-in area by name (case-insensitive).</summary>
    /// <param name="name">The area's name.</param>
    /// <param name="area">The area, when found.</param>
    /// <returns><see langword="true"/> when an area has that name.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out CameraArea? area)
    {
        area = All.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return area is not null;
    }

    /// <summary>Gets a built-in area by name (case-insensitive).</summary>
    /// <param name="name">The area's name.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentException">No built-in area has that name; the message lists the known names.</exception>
    public static CameraArea Get(string name) =>
        TryGet(name, out var area)
            ? area
            : throw new ArgumentException($"Unknown camera area '{name}'. Known areas: {string.Join(", ", All.Select(a => a.Name))}.", nameof(name));
}
