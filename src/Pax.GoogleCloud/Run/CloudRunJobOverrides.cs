namespace Pax.GoogleCloud.Run;

/// <summary>Overrides for one execution of a Cloud Run job (v2 <c>RunJobRequest.overrides</c>).</summary>
internal sealed class CloudRunJobOverrides
{
    /// <summary>Gets or sets per-container overrides (a single-container job may leave the name empty).</summary>
    public List<CloudRunContainerOverride>? ContainerOverrides { get; set; }

    /// <summary>Gets or sets the number of tasks.</summary>
    public int? TaskCount { get; set; }

    /// <summary>Gets or sets the per-task timeout as a Duration string such as <c>600s</c>.</summary>
    public string? Timeout { get; set; }
}
