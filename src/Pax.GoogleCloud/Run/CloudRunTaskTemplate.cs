namespace Pax.GoogleCloud.Run;

/// <summary>The task template of an execution (<c>google.cloud.run.v2.TaskTemplate</c>), reduced to its containers.</summary>
internal sealed class CloudRunTaskTemplate
{
    /// <summary>Gets or sets the containers.</summary>
    public List<CloudRunContainer>? Containers { get; set; }
}
