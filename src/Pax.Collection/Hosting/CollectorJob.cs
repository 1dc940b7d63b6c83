using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;

namespace Pax.Collection.Hosting;

/// <summary>
/// What a collector Job does once its settings are bound: picks the camera selection of <see cref="CollectorJobOptions"/>
/// (reading the manifest file if one is named), then collects this Cloud Run task's slot with the
/// <see cref="CollectionRunner"/> — or writes a manifest of the selection instead. Registered by <c>AddPaxCollection</c>;
/// a host resolves it, calls it, and turns the outcome into an exit code with <see cref="CollectorExitCodes"/>.
/// </summary>
public sealed class CollectorJob
{
    private readonly CollectionRunner _runner;
    private readonly ICameraSource _source;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes the job (constructed by DI).</summary>
    /// <param name="runner">Runs the collection.</param>
    /// <param name="source">The camera source (for <see cref="WriteManifestAsync"/>).</param>
    /// <param name="options">What to collect.</param>
    /// <param name="timeProvider">The clock (a manifest's generation time).</param>
    public CollectorJob(CollectionRunner runner, ICameraSource source, IOptions<CollectorJobOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Options = options.Value;
    }

    /// <summary>Gets what the job collects.</summary>
    public CollectorJobOptions Options { get; }

    /// <summary>Creates the selection the options ask for, reading the manifest file if one is named.</summary>
    /// <param name="cancellationToken">Cancels reading the manifest.</param>
    /// <returns>The selection: the manifest's cameras, every online camera, or the area (purple-corridor by default).</returns>
    /// <exception cref="CameraManifestException">The manifest could not be read.</exception>
    /// <exception cref="ArgumentException">The area name is unknown.</exception>
    public async Task<CameraSelection> GetSelectionAsync(CancellationToken cancellationToken)
    {
        if (Options.Manifest is { } path)
        {
            return CameraSelection.ForManifest(await CameraManifest.LoadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return Options.All ? CameraSelection.AllOnline : CameraSelection.ForArea(Options.Area ?? CameraAreas.PurpleCorridorName);
    }

    /// <summary>Collects this task's share of the slot and writes its report (see <see cref="CollectionRunner.RunAsync"/>).</summary>
    /// <param name="task">This task's place in the Cloud Run Job execution (<see cref="CloudRunTaskInfo.FromVariables"/>).</param>
    /// <param name="progress">Told of each camera's outcome as it is known (a terminal display), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run (SIGTERM, Ctrl+C); see <see cref="CollectionRunner.RunAsync"/>.</param>
    /// <returns>The report; <see cref="CollectorExitCodes.ForReport"/> gives its exit code.</returns>
    public async Task<CollectionReport> CollectAsync(CloudRunTaskInfo task, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var selection = await GetSelectionAsync(cancellationToken).ConfigureAwait(false);
        var request = new CollectionRequest { Selection = selection, Slot = Options.Slot, Task = task, Progress = progress };
        return await _runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a manifest of the cameras the selection picks from the live camera list to <paramref name="path"/>.</summary>
    /// <param name="path">The manifest file to write (<see cref="CollectorJobOptions.WriteManifest"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="CollectionFailedException">The camera API returned an empty camera list; no manifest was written.</exception>
    public async Task<CameraManifest> WriteManifestAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var selection = await GetSelectionAsync(cancellationToken).ConfigureAwait(false);
        var cameras = await _source.GetCamerasAsync(cancellationToken).ConfigureAwait(false);
        if (cameras.Count == 0)
        {
            throw new CollectionFailedException("the camera API returned an empty camera list; no manifest written");
        }

        var manifest = selection.Area is { } area
            ? CameraSelector.CreateManifest(cameras, area, _timeProvider)
            : new CameraManifest(CameraSelector.Select(cameras, selection).Selected, generatedAt: _timeProvider.GetUtcNow(), source: selection.ToString());
        await manifest.SaveAsync(path, cancellationToken).ConfigureAwait(false);
        return manifest;
    }
}
