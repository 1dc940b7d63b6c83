namespace Pax.GoogleCloud.Run;

/// <summary>Overrides for one container: environment entries are merged (by name) with the job's; <see cref="Args"/> replaces the image's.</summary>
internal sealed class CloudRunContainerOverride
{
    /// <summary>Gets or sets the container name (empty for a single-container job).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the arguments, replacing the image's.</summary>
    public List<string>? Args { get; set; }

    /// <summary>Gets or sets environment variables merged with the job's.</summary>
    public List<CloudRunEnvVar>? Env { get; set; }
}
