using Pax.TestSupport.CloudFunctions.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudFunctions;

/// <summary>
/// A loopback Cloud Functions v2 server (Kestrel on 127.0.0.1, a free port) that lists the 2nd gen functions it was
/// given, paged, with the documented shapes; other routes get Google's 404 page; a missing or wrong bearer token 401.
/// Source: cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions/list (<c>functions</c>,
/// <c>nextPageToken</c>, <c>pageSize</c>/<c>pageToken</c>); errors in the <c>google.rpc.Status</c> JSON shape (cloud.google.com/apis/design/errors).
/// </summary>
public sealed class FakeCloudFunctionsServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeCloudFunctions _functions;

    private FakeCloudFunctionsServer(RestLoopbackHost host, FakeCloudFunctions functions)
    {
        _host = host;
        _functions = functions;
    }

    /// <summary>Gets the server's root: the Cloud Functions endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server without functions.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeCloudFunctionsServer> StartAsync(string? accessToken = null, CancellationToken cancellationToken = default)
    {
        var functions = new FakeCloudFunctions();
        var host = await RestLoopbackHost.StartAsync(accessToken, functions.Handle, cancellationToken);
        return new FakeCloudFunctionsServer(host, functions);
    }

    /// <summary>Adds a 2nd gen function; its <c>url</c> is <c>https://REGION-PROJECT.cloudfunctions.net/ID</c> as Google forms it.</summary>
    /// <param name="name">The function: <c>projects/P/locations/R/functions/F</c>.</param>
    /// <param name="service">The Cloud Run service behind it: <c>projects/P/locations/R/services/S</c>.</param>
    /// <param name="serviceUrl">That service's <c>*.run.app</c> URL.</param>
    public void AddFunction(string name, string service, Uri serviceUrl) => _functions.Add(name, service, serviceUrl);

    /// <summary>
    /// Answers every later request whose path starts with <c>/v2/{resourcePrefix}</c> with 403 <c>PERMISSION_DENIED</c>
    /// for <paramref name="permission"/>, as Google's APIs answer a caller without it (cloud.google.com/apis/design/errors,
    /// PERMISSION_DENIED: "Permission 'P' denied on resource 'R' (or it may not exist).").
    /// </summary>
    /// <param name="resourcePrefix">Such as <c>projects/P/locations/us-east1</c>.</param>
    /// <param name="permission">Such as <c>cloudfunctions.functions.list</c>.</param>
    public void Deny(string resourcePrefix, string permission) =>
        _host.Refuse(r => r.Path.StartsWith("/v2/" + resourcePrefix, StringComparison.Ordinal), RestResponse.PermissionDenied(permission, resourcePrefix));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
