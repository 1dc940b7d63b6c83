namespace Pax.GoogleCloud.Run;

/// <summary>A container of a task template (<c>google.cloud.run.v2.Container</c>), reduced to its name and environment.</summary>
internal sealed class CloudRunContainer
{
    /// <summary>Gets or sets the container's name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the environment (entries set from a secret have no <see cref="CloudRunEnvVar.Value"/>).</summary>
    public List<CloudRunEnvVar>? Env { get; set; }
}
