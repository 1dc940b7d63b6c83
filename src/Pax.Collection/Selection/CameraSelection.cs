namespace Pax.Collection.Selection;

/// <summary>What to collect: the cameras in an area, the cameras of a manifest, or every online camera the API lists.</summary>
public sealed class CameraSelection
{
    private CameraSelection(CameraSelectionKind kind, CameraArea? area, CameraManifest? manifest)
    {
        Kind = kind;
        Area = area;
        Manifest = manifest;
    }

    /// <summary>Gets the selection of every camera the API lists: the online ones are collected, the ones listed as offline are kept so a run reports them as offline.</summary>
    public static CameraSelection AllOnline { get; } = new(CameraSelectionKind.AllOnline, null, null);

    /// <summary>Gets how cameras are picked.</summary>
    public CameraSelectionKind Kind { get; }

    /// <summary>Gets the area when <see cref="Kind"/> is <see cref="CameraSelectionKind.Area"/>; otherwise <see langword="null"/>.</summary>
    public CameraArea? Area { get; }

    /// <summary>Gets the manifest when <see cref="Kind"/> is <see cref="CameraSelectionKind.Manifest"/>; otherwise <see langword="null"/>.</summary>
    public CameraManifest? Manifest { get; }

    /// <summary>Selects the cameras inside an area.</summary>
    /// <param name="area">The area.</param>
    /// <returns>The selection.</returns>
    public static CameraSelection ForArea(CameraArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new CameraSelection(CameraSelectionKind.Area, area, null);
    }

    /// <summary>Selects the cameras inside a built-in area (see <see cref="CameraAreas"/>).</summary>
    /// <param name="areaName">The area's name, case-insensitive (such as <c>purple-corridor</c>).</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentException">No built-in area has that name; the message lists the known names.</exception>
    public static CameraSelection ForArea(string areaName) => ForArea(CameraAreas.Get(areaName));

    /// <summary>Selects the cameras of a manifest.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <returns>The selection.</returns>
    public static CameraSelection ForManifest(CameraManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new CameraSelection(CameraSelectionKind.Manifest, null, manifest);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CameraSelectionKind.Area => $"area {Area!.Name}",
        CameraSelectionKind.Manifest => $"manifest of {Manifest!.Cameras.Count} cameras",
        _ => "all online cameras",
    };
}
