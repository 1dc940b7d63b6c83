using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;
using Pax.TestSupport.ResourceManager.Internal;

namespace Pax.TestSupport.ResourceManager;

/// <summary>
/// A loopback Cloud Resource Manager v3 server (Kestrel on 127.0.0.1, a free port) for <c>projects.getIamPolicy</c>:
/// strict request body, 403 <c>PERMISSION_DENIED</c> for a project it does not know (as Google answers a missing project
/// or a caller without <c>resourcemanager.projects.getIamPolicy</c>), other routes Google's 404 page.
/// Source: cloud.google.com/resource-manager/reference/rest/v3/projects/getIamPolicy (POST, body <c>{options}</c>, a
/// <c>Policy</c> back); errors in the <c>google.rpc.Status</c> JSON shape (cloud.google.com/apis/design/errors).
/// </summary>
public sealed class FakeResourceManagerServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeProjectPolicies _policies;

    private FakeResourceManagerServer(RestLoopbackHost host, FakeProjectPolicies policies)
    {
        _host = host;
        _policies = policies;
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
        var policies = new FakeProjectPolicies();
        var host = await RestLoopbackHost.StartAsync(accessToken, policies.Handle, cancellationToken);
        return new FakeResourceManagerServer(host, policies);
    }

    /// <summary>Sets a project's IAM policy (<c>bindings</c>, optional <c>version</c>).</summary>
    /// <param name="project">The project id.</param>
    /// <param name="policy">The policy.</param>
    public void SetProjectPolicy(string project, JsonObject policy) => _policies.Set(project, policy);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
