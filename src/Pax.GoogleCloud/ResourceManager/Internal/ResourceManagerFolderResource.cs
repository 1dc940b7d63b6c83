namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary>
/// The fields of the v3 <c>Folder</c> resource Pax reads (cloud.google.com/resource-manager/reference/rest/v3/folders#Folder):
/// <c>name</c> (<c>folders/ID</c>) and <c>parent</c> (a folder or the organization: <c>folders/ID</c>, <c>organizations/ID</c>).
/// </summary>
internal sealed class ResourceManagerFolderResource
{
    public string? Name { get; set; }

    public string? Parent { get; set; }
}
