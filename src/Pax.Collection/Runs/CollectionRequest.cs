using Pax.Collection.CloudRun;
using Pax.Collection.Selection;

namespace Pax.Collection.Runs;

/// <summary>What one run collects: which cameras, for which slot, as which task.</summary>
public sealed record CollectionRequest
{
    /// <summary>Gets the cameras to collect.</summary>
    public required CameraSelection Selection { get; init; }

    /// <summary>Gets an instant in the slot to collect; <see langword="null"/> means the slot of the current time. Floored to the slot start.</summary>
    public DateTimeOffset? Slot { get; init; }

    /// <summary>Gets this task's place in the Cloud Run Job execution.</summary>
    /// <value>The default is <see cref="CloudRunTaskInfo.Single"/>.</value>
    public CloudRunTaskInfo Task { get; init; } = CloudRunTaskInfo.Single;

    /// <summary>Gets a callback told of each camera's outcome as it is known (for progress displays); may be called concurrently.</summary>
    public IProgress<CollectionProgress>? Progress { get; init; }
}
