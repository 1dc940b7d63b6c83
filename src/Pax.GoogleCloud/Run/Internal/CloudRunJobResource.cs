namespace Pax.GoogleCloud.Run.Internal;

/// <summary>The field of the v2 <c>Job</c> resource Pax reads when listing (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs#Job): <c>name</c>.</summary>
internal sealed class CloudRunJobResource
{
    public string? Name { get; set; }
}
