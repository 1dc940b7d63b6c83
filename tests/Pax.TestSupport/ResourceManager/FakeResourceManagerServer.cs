using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;
using Pax.TestSupport.ResourceManager.Internal;

namespace Pax.TestSupport.ResourceManager;

/// <summary>
/// A loopback Cloud Resource Manager v3 server (Kestrel on 127.0.0.1, a free port) for a project and its ancestors:
/// <c>projects.get</c>, <c>folders.get</c>, and <c>getIamPolicy</c> of projects, folders and organizations, with strict
/// request bodies; 403 <c>PERMISSION_DENIED</c> for a resource it does not know (as Google answers a missing resource
/// or a caller without the permission), other routes Google's 404 page. Sources:
/// cloud.google.com/resource-manager/reference/rest/v3/projects/get, …/projects/getIamPolicy, …/folders/get,
/// …/folders/getIamPolicy, …/organizations/getIamPolicy; errors in the <c>google.rpc.Status</c> JSON shape
/// (cloud.google.com/apis/design/errors).
/// </summary>
public sealed class FakeResourceManagerServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeResourceHierarchy _hierarchy;

    private FakeResourceManagerServer(RestLoopbackHost host, FakeResourceHierarchy hierarchy)
    {
        _host = host;
        _hierarchy = hierarchy;
    }

    /// <summary>Gets the server's root: the Cloud Resource Manager endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server without projects.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeResourceManagerServer> StartAsync(string? accessToken = null, CancellationToken cancellationToken = default)
    {
        var hierarchy = new FakeResourceHierarchy();
        var host = await RestLoopbackHost.StartAsync(accessToken, hierarchy.Handle, cancellationToken);
        return new FakeResourceManagerServer(host, hierarchy);
    }

    /// <summary>Sets a project's IAM policy (<c>bindings</c>, optional <c>version</c>); the project exists from then on (no parent until <see cref="SetProjectParent"/>).</summary>
    /// <param name="project">The project id.</param>
    /// <param name="policy">The policy.</param>
    public void SetProjectPolicy(string project, JsonObject policy) => _hierarchy.SetProjectPolicy(project, policy);

    /// <summary>Puts the project under a folder or the organization (its <c>parent</c>).</summary>
    /// <param name="project">The project id.</param>
    /// <param name="parent"><c>folders/ID</c> or <c>organizations/ID</c>.</param>
    public void SetProjectParent(string project, string parent) => _hierarchy.SetProjectParent(project, parent);

    /// <summary>Adds a folder under a folder or the organization, with its IAM policy.</summary>
    /// <param name="folder"><c>folders/ID</c>.</param>
    /// <param name="parent"><c>folders/ID</c> or <c>organizations/ID</c>.</param>
    /// <param name="policy">Its policy, or <see langword="null"/> for an empty one.</param>
    public void AddFolder(string folder, string parent, JsonObject? policy = null) => _hierarchy.AddFolder(folder, parent, policy);

    /// <summary>Adds an organization with its IAM policy.</summary>
    /// <param name="organization"><c>organizations/ID</c>.</param>
    /// <param name="policy">Its policy, or <see langword="null"/> for an empty one.</param>
    public void AddOrganization(string organization, JsonObject? policy = null) => _hierarchy.AddOrganization(organization, policy);

    /// <summary>Answers every later request to exactly <c>/v3/{path}</c> with 403 <c>PERMISSION_DENIED</c> for <paramref name="permission"/>.</summary>
    /// <param name="path">Such as <c>organizations/123:getIamPolicy</c> or <c>projects/p</c> (projects.get).</param>
    /// <param name="permission">Such as <c>resourcemanager.organizations.getIamPolicy</c>.</param>
    public void Deny(string path, string permission) =>
        _host.Refuse(r => r.Path == "/v3/" + path, RestResponse.PermissionDenied(permission, path.Split(':')[0]));

    /// <summary>Never answers a later request to exactly <c>/v3/{path}</c>: each is held until its caller gives up (a hostile API). The task completes when the first one arrived.</summary>
    /// <param name="path">Such as <c>projects/p</c> (projects.get).</param>
    /// <returns>A task that completes when a request is held.</returns>
    public Task NeverAnswer(string path) => _host.HoldUntilAborted(r => r.Path == "/v3/" + path);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
