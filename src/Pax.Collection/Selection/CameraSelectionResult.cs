using Pax.Collection.Cameras;

namespace Pax.Collection.Selection;

/// <summary>
/// What <see cref="CameraSelector.Select"/> picked: the cameras to collect, the manifest cameras the API no longer
/// lists, and the cameras left out because of their id. Every list is sorted by id (ordinal), so runs and shards agree.
/// </summary>
public sealed class CameraSelectionResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="selected">The cameras to collect (valid ids, API data, offline ones included).</param>
    /// <param name="missingFromApi">Manifest cameras whose id the API does not list.</param>
    /// <param name="rejected">Cameras left out, with the reason.</param>
    public CameraSelectionResult(IReadOnlyList<Camera> selected, IReadOnlyList<Camera> missingFromApi, IReadOnlyList<RejectedCamera> rejected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(missingFromApi);
        ArgumentNullException.ThrowIfNull(rejected);
        Selected = selected;
        MissingFromApi = missingFromApi;
        Rejected = rejected;
    }

    /// <summary>Gets the cameras to collect, sorted by id. Each has a valid <see cref="Snapshots.CameraId"/>; <see cref="Camera.IsOnline"/> is the API's,
    /// so offline cameras are here to be reported as offline. Manifest selections keep the manifest's <see cref="Camera.Number"/>.</summary>
    public IReadOnlyList<Camera> Selected { get; }

    /// <summary>Gets the manifest cameras whose id the API list does not contain (as the manifest describes them), sorted by id.</summary>
    public IReadOnlyList<Camera> MissingFromApi { get; }

    /// <summary>Gets the cameras left out because their id is not a safe <see cref="Snapshots.CameraId"/> or is listed twice, sorted by id.</summary>
    public IReadOnlyList<RejectedCamera> Rejected { get; }
}
