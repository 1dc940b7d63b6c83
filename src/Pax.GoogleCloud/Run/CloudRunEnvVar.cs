namespace Pax.GoogleCloud.Run;

/// <summary>One environment variable of a container override.</summary>
internal sealed class CloudRunEnvVar
{
    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the value.</summary>
    public string Value { get; set; } = string.Empty;
}
