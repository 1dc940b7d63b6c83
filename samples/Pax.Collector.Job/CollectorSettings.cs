namespace Pax.Collector.Job;

/// <summary>The collector's settings after flags and <c>PAX_…</c> environment variables are resolved (flags win).</summary>
public sealed record CollectorSettings
{
    /// <summary>Gets the camera API's base URL.</summary>
    public required Uri CameraApi { get; init; }

    /// <summary>Gets the named area to collect, when the selection is an area.</summary>
    public string? Area { get; init; }

    /// <summary>Gets the manifest file to collect, when the selection is a manifest.</summary>
    public string? Manifest { get; init; }

    /// <summary>Gets a value indicating whether all online cameras are collected.</summary>
    public bool All { get; init; }

    /// <summary>Gets where snapshots go: a folder or <c>gs://bucket/prefix</c>.</summary>
    public required string Sink { get; init; }

    /// <summary>Gets how many cameras are fetched at once.</summary>
    public int Concurrency { get; init; }

    /// <summary>Gets how many snapshots are written to the sink at once.</summary>
    public int UploadConcurrency { get; init; } = 32;

    /// <summary>Gets an instant in the slot to collect, or <see langword="null"/> for the current slot.</summary>
    public DateTimeOffset? Slot { get; init; }

    /// <summary>Gets the file to write a manifest of the selection to (then the collector exits without collecting).</summary>
    public string? WriteManifest { get; init; }

    /// <summary>Gets the success floor, when overridden.</summary>
    public double? MinStoredRatio { get; init; }

    /// <summary>Gets the run deadline, when overridden.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Gets the Pub/Sub topic that receives the run's completion, if any.</summary>
    public string? CompletionTopic { get; init; }

    /// <summary>Gets the phase named in the completion message, if any.</summary>
    public string? CompletionPhase { get; init; }
}
