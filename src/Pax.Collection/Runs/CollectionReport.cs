using Pax.Collection.CloudRun;

namespace Pax.Collection.Runs;

/// <summary>
/// What one collection run (one task of one slot) did: every selected camera's outcome, counts and timings.
/// Written next to the snapshots as <c>report.json</c> and <c>report.html</c>.
/// </summary>
public sealed record CollectionReport
{
    /// <summary>Gets the slot start (UTC).</summary>
    public required DateTimeOffset Slot { get; init; }

    /// <summary>Gets the task's place in its Cloud Run Job execution.</summary>
    public required CloudRunTaskInfo Task { get; init; }

    /// <summary>Gets where the snapshots went.</summary>
    public required string Sink { get; init; }

    /// <summary>Gets the slot's folder in the sink.</summary>
    public required string SlotPath { get; init; }

    /// <summary>Gets a description of the camera selection, such as <c>area purple-corridor</c>.</summary>
    public required string Selection { get; init; }

    /// <summary>Gets when the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the run finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Gets the success floor the run was held to.</summary>
    public required double MinStoredRatio { get; init; }

    /// <summary>Gets every camera of this task's shard, in camera id order.</summary>
    public required IReadOnlyList<CameraOutcome> Cameras { get; init; }

    /// <summary>
    /// Gets the run artifacts (<c>report.json</c>, <c>report.html</c>) that could not be written, each with the reason;
    /// empty when all were written. The snapshots are stored either way; the collector exits non-zero so Cloud Run
    /// retries the task, which stores nothing twice and writes the report again.
    /// </summary>
    public IReadOnlyList<string> ArtifactFailures { get; init; } = [];

    /// <summary>Gets the run's wall time.</summary>
    public TimeSpan Duration => FinishedAt - StartedAt;

    /// <summary>
    /// Gets the number of cameras the run was expected to store: those the provider lists online whose image was not
    /// stale and whose list entry was not rejected. Offline, stale and missing cameras are the provider's state, and
    /// rejected entries (unsafe or repeated ids) the list's; retrying the task cannot change them.
    /// </summary>
    public int Eligible => Cameras.Count(c => c.Outcome is not (CameraOutcomeKind.Offline or CameraOutcomeKind.Stale or CameraOutcomeKind.MissingFromApi or CameraOutcomeKind.Rejected));

    /// <summary>Gets the number of cameras whose snapshot is in the sink (stored now or before).</summary>
    public int StoredOrAlreadyStored => Cameras.Count(c => c.IsStored);

    /// <summary>Gets <see cref="StoredOrAlreadyStored"/> / <see cref="Eligible"/>; 1 when nothing was eligible.</summary>
    public double StoredRatio => Eligible == 0 ? 1.0 : (double)StoredOrAlreadyStored / Eligible;

    /// <summary>Gets a value indicating whether the run was cancelled before it finished (the cameras it did not reach are <see cref="CameraOutcomeKind.Cancelled"/>).</summary>
    public bool Cancelled { get; init; }

    /// <summary>Gets a value indicating whether the run finished and the stored ratio reached the floor.</summary>
    public bool Succeeded => !Cancelled && StoredRatio >= MinStoredRatio;

    /// <summary>Counts the cameras with a given outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int Count(CameraOutcomeKind outcome) => Cameras.Count(c => c.Outcome == outcome);

    /// <summary>Gets the report's file name (without extension) for a task: <c>report</c>, or <c>report-task-{index}</c> when the execution has several tasks.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The base name.</returns>
    public static string GetBaseName(CloudRunTaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsSharded ? $"report-task-{task.Index}" : "report";
    }
}
