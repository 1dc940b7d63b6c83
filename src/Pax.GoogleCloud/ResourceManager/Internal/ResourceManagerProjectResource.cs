namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary>
/// The fields of the v3 <c>Project</c> resource Pax reads (cloud.google.com/resource-manager/reference/rest/v3/projects#Project):
/// <c>name</c> (<c>projects/NUMBER</c>), <c>projectId</c> and <c>parent</c> ("A reference to a parent Resource. eg.,
/// <c>organizations/123</c> or <c>folders/876</c>"; absent for a project outside any organization).
/// </summary>
internal sealed class ResourceManagerProjectResource
{
    public string? Name { get; set; }

    public string? ProjectId { get; set; }

    public string? Parent { get; set; }
}
