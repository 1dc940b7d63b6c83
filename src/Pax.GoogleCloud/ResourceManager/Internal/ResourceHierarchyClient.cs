using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary>
/// A project's ancestors and their IAM policies through Cloud Resource Manager v3, for <c>pax doctor</c> (internal: a
/// grant on a folder or the organization is inherited by every project below it, and a resource's own
/// <c>getIamPolicy</c> does not show it):
/// <list type="bullet">
/// <item><c>GET v3/projects/P</c> (projects.get, needs <c>resourcemanager.projects.get</c>, <c>roles/browser</c>): the
/// project's <c>parent</c>;</item>
/// <item><c>GET v3/folders/F</c> (folders.get, <c>resourcemanager.folders.get</c>, <c>roles/browser</c>): a folder's <c>parent</c>;</item>
/// <item><c>POST v3/folders/F:getIamPolicy</c> and <c>POST v3/organizations/O:getIamPolicy</c> with
/// <c>{"options":{"requestedPolicyVersion":3}}</c> (<c>resourcemanager.folders.getIamPolicy</c> /
/// <c>resourcemanager.organizations.getIamPolicy</c>, in <c>roles/iam.securityReviewer</c> granted there).</item>
/// </list>
/// Sources: cloud.google.com/resource-manager/reference/rest/v3/projects/get, …/folders/get, …/folders/getIamPolicy,
/// …/organizations/getIamPolicy. Google answers 403 <c>PERMISSION_DENIED</c> both when the permission is missing and when
/// the resource does not exist.
/// </summary>
internal sealed partial class ResourceHierarchyClient
{
    private readonly GoogleRestTransport _transport;

    public ResourceHierarchyClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudResourceManager(options.Value));
    }

    /// <summary>Returns whether <paramref name="name"/> is an ancestor a project can have: <c>folders/ID</c> or <c>organizations/ID</c>.</summary>
    public static bool IsAncestor(string? name) => name is not null && AncestorPattern().IsMatch(name);

    /// <summary>Reads the project's parent (<c>folders/ID</c> or <c>organizations/ID</c>), or <see langword="null"/> when it has none.</summary>
    /// <exception cref="ArgumentException">The project is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Resource Manager refused the call (403: needs resourcemanager.projects.get).</exception>
    public async Task<string?> GetProjectParentAsync(string project, CancellationToken cancellationToken)
    {
        if (!GoogleResourceNames.IsProject(project))
        {
            throw new ArgumentException($"'{project}' is not a project id.", nameof(project));
        }

        var operation = new GoogleOperation("cloudresourcemanager", "resourcemanager.projects.get", $"project '{project}'", "roles/browser");
        var resource = await _transport.GetJsonAsync($"v3/projects/{project}", GoogleCloudJsonContext.Default.ResourceManagerProjectResource, operation, cancellationToken)
            .ConfigureAwait(false);
        return ParentOrNull(resource.Parent);
    }

    /// <summary>Reads a folder's parent (<c>folders/ID</c> or <c>organizations/ID</c>).</summary>
    /// <exception cref="ArgumentException">The folder is not <c>folders/ID</c>; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Resource Manager refused the call (403: needs resourcemanager.folders.get).</exception>
    public async Task<string?> GetFolderParentAsync(string folder, CancellationToken cancellationToken)
    {
        if (!IsAncestor(folder) || !folder.StartsWith("folders/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{folder}' is not a folder: folders/ID.", nameof(folder));
        }

        var operation = new GoogleOperation("cloudresourcemanager", "resourcemanager.folders.get", $"'{folder}'", "roles/browser");
        var resource = await _transport.GetJsonAsync($"v3/{folder}", GoogleCloudJsonContext.Default.ResourceManagerFolderResource, operation, cancellationToken)
            .ConfigureAwait(false);
        return ParentOrNull(resource.Parent);
    }

    /// <summary>Reads the IAM policy (version 3) of a folder or organization as its bindings.</summary>
    /// <exception cref="ArgumentException">The name is not <c>folders/ID</c> or <c>organizations/ID</c>; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Resource Manager refused the call (403: needs resourcemanager.folders|organizations.getIamPolicy).</exception>
    public async Task<IReadOnlyList<IamRoleBinding>> GetBindingsAsync(string ancestor, CancellationToken cancellationToken)
    {
        if (!IsAncestor(ancestor))
        {
            throw new ArgumentException($"'{ancestor}' is not folders/ID or organizations/ID.", nameof(ancestor));
        }

        var operation = new GoogleOperation("cloudresourcemanager", $"resourcemanager.{ancestor.Split('/')[0]}.getIamPolicy", $"'{ancestor}'", $"roles/iam.securityReviewer on {ancestor}");
        return await ResourceManagerPolicies.ReadAsync(_transport, ancestor, operation, cancellationToken).ConfigureAwait(false);
    }

    private static string? ParentOrNull(string? parent) => IsAncestor(parent) ? parent : null;

    [GeneratedRegex("^(folders|organizations)/[0-9]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex AncestorPattern();
}
