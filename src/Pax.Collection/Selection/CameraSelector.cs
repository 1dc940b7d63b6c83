using Pax.Collection.Cameras;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Selection;

/// <summary>
/// Picks the cameras to collect from the API's camera list and a <see cref="CameraSelection"/>, and builds manifests
/// from areas. Ids are validated with <see cref="CameraId.TryCreate"/> here, so an unsafe id is reported as rejected
/// and never reaches a path or object name. Deterministic: results are sorted by id.
/// </summary>
public static class CameraSelector
{
    /// <summary>Selects cameras.</summary>
    /// <param name="apiCameras">The API's current camera list.</param>
    /// <param name="selection">What to collect.</param>
    /// <returns>
    /// For an area or all cameras: the API's cameras in the area (all of them for <see cref="CameraSelection.AllOnline"/>), offline ones included.
    /// For a manifest: the manifest's cameras matched by id (exactly: ids are case-sensitive) to the API's entry, with the API's current
    /// data and the manifest's number; manifest ids the API does not list are in <see cref="CameraSelectionResult.MissingFromApi"/>.
    /// In both cases unsafe or repeated ids are in <see cref="CameraSelectionResult.Rejected"/>; ids that differ only
    /// in letter case are different cameras (NYCTMC ids are case-sensitive strings).
    /// </returns>
    public static CameraSelectionResult Select(IReadOnlyList<Camera> apiCameras, CameraSelection selection)
    {
        ArgumentNullException.ThrowIfNull(apiCameras);
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Kind == CameraSelectionKind.Manifest
            ? SelectFromManifest(apiCameras, selection.Manifest!)
            : SelectFromApi(apiCameras, selection.Area);
    }

    /// <summary>
    /// Builds a manifest of the API's cameras in an area, numbered 1..N in id order, like the seed system's. Cameras
    /// with unsafe or repeated ids are left out.
    /// </summary>
    /// <param name="apiCameras">The API's current camera list.</param>
    /// <param name="area">The area.</param>
    /// <param name="timeProvider">The clock for <c>generated_at</c>.</param>
    /// <param name="includeOffline">Whether cameras the API lists as offline are included. The seed took only online ones.</param>
    /// <param name="source">Where the camera list came from (such as its URL), written as <c>metadata.source</c>.</param>
    /// <returns>The manifest.</returns>
    public static CameraManifest CreateManifest(IReadOnlyList<Camera> apiCameras, CameraArea area, TimeProvider timeProvider, bool includeOffline = false, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(apiCameras);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var selected = SelectFromApi(apiCameras, area).Selected
            .Where(c => includeOffline || c.IsOnline)
            .Select((camera, index) => camera with { Number = index + 1, ImageUrl = null });
        return new CameraManifest(selected, area.Name, area.Description, timeProvider.GetUtcNow(), source);
    }

    private static CameraSelectionResult SelectFromApi(IReadOnlyList<Camera> apiCameras, CameraArea? area)
    {
        var selected = new List<Camera>();
        var rejected = new List<RejectedCamera>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var camera in apiCameras)
        {
            if (area is not null && !area.Contains(camera))
            {
                continue;
            }

            if (TryReject(camera, seen, "the camera list", out var rejection))
            {
                rejected.Add(rejection);
                continue;
            }

            selected.Add(camera);
        }

        return new CameraSelectionResult(SortById(selected), [], SortRejected(rejected));
    }

    private static CameraSelectionResult SelectFromManifest(IReadOnlyList<Camera> apiCameras, CameraManifest manifest)
    {
        var apiById = new Dictionary<string, Camera>(StringComparer.Ordinal);
        foreach (var camera in apiCameras)
        {
            apiById.TryAdd(camera.Id, camera);
        }

        var selected = new List<Camera>();
        var missing = new List<Camera>();
        var rejected = new List<RejectedCamera>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wanted in manifest.Cameras)
        {
            if (TryReject(wanted, seen, "the manifest", out var rejection))
            {
                rejected.Add(rejection);
            }
            else if (apiById.TryGetValue(wanted.Id, out var current))
            {
                selected.Add(current with { Number = wanted.Number });
            }
            else
            {
                missing.Add(wanted);
            }
        }

        return new CameraSelectionResult(SortById(selected), SortById(missing), SortRejected(rejected));
    }

    private static bool TryReject(Camera camera, HashSet<string> seen, string listName, out RejectedCamera rejection)
    {
        if (!CameraId.TryCreate(camera.Id, out _, out var reason))
        {
            rejection = new RejectedCamera(camera, reason);
            return true;
        }

        if (!seen.Add(camera.Id))
        {
            rejection = new RejectedCamera(camera, $"camera id {camera.Id} is listed more than once in {listName}; the first entry is used");
            return true;
        }

        rejection = null!;
        return false;
    }

    private static Camera[] SortById(List<Camera> cameras) => [.. cameras.OrderBy(c => c.Id, StringComparer.Ordinal)];

    private static RejectedCamera[] SortRejected(List<RejectedCamera> rejected) => [.. rejected.OrderBy(r => r.Camera.Id, StringComparer.Ordinal)];
}
