using Pax.Collection.Cameras;
using Pax.Collection.Selection;

namespace Pax.Collector.Job;

/// <summary>Turns the selection flags into a <see cref="CameraSelection"/>, and writes manifests (<c>--write-manifest</c>).</summary>
public static class CollectorSelection
{
    /// <summary>Creates the selection the settings ask for (reading the manifest file if one is named).</summary>
    /// <param name="settings">The resolved settings.</param>
    /// <param name="cancellationToken">Cancels reading the manifest.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="CameraManifestException">The manifest could not be read.</exception>
    /// <exception cref="ArgumentException">The area name is unknown.</exception>
    public static async Task<CameraSelection> CreateAsync(CollectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Manifest is { } path)
        {
            return CameraSelection.ForManifest(await CameraManifest.LoadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return settings.All ? CameraSelection.AllOnline : CameraSelection.ForArea(settings.Area ?? CameraAreas.PurpleCorridorName);
    }

    /// <summary>Writes a manifest of the cameras <paramref name="selection"/> picks from the live camera list.</summary>
    /// <param name="source">The camera source.</param>
    /// <param name="selection">The selection.</param>
    /// <param name="path">The manifest file to write.</param>
    /// <param name="environment">Where to say what was written.</param>
    /// <param name="timeProvider">The clock (the manifest's generation time).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> WriteManifestAsync(ICameraSource source, CameraSelection selection, string path, CollectorEnvironment environment, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(environment);
        var cameras = await source.GetCamerasAsync(cancellationToken).ConfigureAwait(false);
        if (cameras.Count == 0)
        {
            await environment.Error.WriteLineAsync("error: the camera API returned an empty camera list; no manifest written").ConfigureAwait(false);
            return CollectorExitCodes.Failed;
        }

        var manifest = selection.Area is { } area
            ? CameraSelector.CreateManifest(cameras, area, timeProvider)
            : new CameraManifest(CameraSelector.Select(cameras, selection).Selected, generatedAt: timeProvider.GetUtcNow(), source: selection.ToString());
        await manifest.SaveAsync(path, cancellationToken).ConfigureAwait(false);
        await environment.Error.WriteLineAsync($"Wrote {manifest.Cameras.Count} cameras to {path}").ConfigureAwait(false);
        return CollectorExitCodes.Success;
    }
}
