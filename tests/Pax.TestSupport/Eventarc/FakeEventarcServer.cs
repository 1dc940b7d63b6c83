using System.Text.Json.Nodes;
using Pax.TestSupport.Eventarc.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Eventarc;

/// <summary>
/// A loopback Eventarc v1 server (Kestrel on 127.0.0.1, a free port) that lists the triggers it was given, paged, with
/// the documented shapes; other routes get Google's 404 page; a missing or wrong bearer token 401.
/// Source: cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers/list (<c>triggers</c>,
/// <c>nextPageToken</c>); errors in the <c>google.rpc.Status</c> JSON shape (cloud.google.com/apis/design/errors).
/// </summary>
public sealed class FakeEventarcServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeEventarcTriggers _triggers;

    private FakeEventarcServer(RestLoopbackHost host, FakeEventarcTriggers triggers)
    {
        _host = host;
        _triggers = triggers;
    }

    /// <summary>Gets the server's root: the Eventarc endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Gets or sets the most triggers one list page holds (default 100): set it low to force several pages.</summary>
    public int MaxPageSize
    {
        get => _triggers.MaxPageSize;
        set => _triggers.MaxPageSize = value;
    }

    /// <summary>Starts a server without triggers.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeEventarcServer> StartAsync(string? accessToken = null, CancellationToken cancellationToken = default)
    {
        var triggers = new FakeEventarcTriggers();
        var host = await RestLoopbackHost.StartAsync(accessToken, triggers.Handle, cancellationToken);
        return new FakeEventarcServer(host, triggers);
    }

    /// <summary>Adds a trigger (checked like the Trigger resource; throws when Eventarc would refuse it).</summary>
    /// <param name="trigger">The Trigger resource: <c>name</c>, <c>eventFilters</c>, <c>destination</c>, optional <c>serviceAccount</c> and <c>transport</c>.</param>
    public void AddTrigger(JsonObject trigger) => _triggers.Add(trigger);

    /// <summary>
    /// Answers every later request whose path starts with <c>/v1/{resourcePrefix}</c> with 403 <c>PERMISSION_DENIED</c>
    /// for <paramref name="permission"/>, as Google's APIs answer a caller without it (cloud.google.com/apis/design/errors,
    /// PERMISSION_DENIED: "Permission 'P' denied on resource 'R' (or it may not exist).").
    /// </summary>
    /// <param name="resourcePrefix">Such as <c>projects/P/locations/us-east1</c>.</param>
    /// <param name="permission">Such as <c>eventarc.triggers.list</c>.</param>
    public void Deny(string resourcePrefix, string permission) =>
        _host.Refuse(r => r.Path.StartsWith("/v1/" + resourcePrefix, StringComparison.Ordinal), RestResponse.PermissionDenied(permission, resourcePrefix));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
