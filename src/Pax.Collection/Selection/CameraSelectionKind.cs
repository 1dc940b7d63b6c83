using Pax.Collection.Cameras;

namespace Pax.Collection.Selection;

/// <summary>How a <see cref="CameraSelection"/> picks cameras.</summary>
public enum CameraSelectionKind
{
    /// <summary>Every camera the API lists inside a <see cref="CameraArea"/> (offline ones included, to be reported as offline).</summary>
    Area,

    /// <summary>The cameras of a <see cref="CameraManifest"/>, matched by id to the API's current list.</summary>
    Manifest,

    /// <summary>Every camera the API lists. The ones it lists as offline are kept (with <see cref="Camera.IsOnline"/> false) so a run reports them as offline instead of fetching them.</summary>
    AllOnline,
}
