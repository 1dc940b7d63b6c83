using System.Text.Json.Nodes;
using Pax.TestSupport.CloudRun.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun;

/// <summary>
/// A loopback Cloud Run Admin API v2 server (Kestrel on 127.0.0.1, a free port) for the IAM methods of services and jobs:
/// <c>GET v2/{resource}:getIamPolicy?options.requestedPolicyVersion=N</c> and <c>POST v2/{resource}:setIamPolicy</c> with
/// the documented shapes. setIamPolicy replaces the fields of its <c>updateMask</c> (default <c>bindings,etag</c>) and
/// answers a stale etag with 409 <c>ABORTED</c>; malformed policies (unknown fields, bad members or roles, conditions
/// without version 3) get 400; a policy with conditions must be read with version 3; unknown resources get 404; a missing
/// or wrong bearer token 401. Services and jobs added with <see cref="AddService"/> / <see cref="AddJob"/> are also
/// listed (<c>GET v2/projects/P/locations/R/services|jobs</c>, paged), and so are a job's executions (<see cref="AddExecution"/>). <see cref="InterleaveChange"/> lets another writer commit between a client's read and write.
/// </summary>
public sealed class FakeCloudRunIamServer : IAsyncDisposable
{
    /// <summary>The bearer token requests must carry unless another is given.</summary>
    public const string DefaultAccessToken = "fake-run-admin-token";

    private readonly RestLoopbackHost _host;
    private readonly FakeIamPolicies _policies;
    private readonly FakeRunResources _resources;

    private FakeCloudRunIamServer(RestLoopbackHost host, FakeIamPolicies policies, FakeRunResources resources)
    {
        _host = host;
        _policies = policies;
        _resources = resources;
    }

    /// <summary>Gets the server's root, such as <c>http://127.0.0.1:41234/</c>: the Cloud Run endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeCloudRunIamServer> StartAsync(string? accessToken = DefaultAccessToken, CancellationToken cancellationToken = default)
    {
        var policies = new FakeIamPolicies();
        var resources = new FakeRunResources();
        var host = await RestLoopbackHost.StartAsync(accessToken, request => resources.TryHandle(request) ?? policies.Handle(request), cancellationToken);
        return new FakeCloudRunIamServer(host, policies, resources);
    }

    /// <summary>Gets or sets the most services or jobs one list page holds (default 100): set it low to force several pages.</summary>
    public int MaxPageSize
    {
        get => _resources.MaxPageSize;
        set => _resources.MaxPageSize = value;
    }

    /// <summary>Adds a service that <c>services.list</c> returns, with its policy.</summary>
    /// <param name="name">The service: <c>projects/P/locations/R/services/S</c>.</param>
    /// <param name="url">Its URL, such as <c>https://s-abc123-ue.a.run.app</c>.</param>
    /// <param name="policy">Its IAM policy without an etag, or <see langword="null"/> for the empty policy.</param>
    /// <param name="invokerIamDisabled">Whether the invoker IAM check is disabled (anyone can call it).</param>
    /// <param name="template">Its request timeout, environment and custom audiences, or <see langword="null"/> for Cloud Run's defaults.</param>
    public void AddService(string name, Uri url, JsonObject? policy = null, bool invokerIamDisabled = false, FakeServiceTemplate? template = null)
    {
        _resources.AddService(name, url, invokerIamDisabled, template ?? new FakeServiceTemplate());
        _policies.Add(name, policy);
    }

    /// <summary>Adds an execution to a job added with <see cref="AddJob"/>, listed by <c>GET v2/{job}/executions</c> with its counts and conditions.</summary>
    /// <param name="job">The job.</param>
    /// <param name="created">When it was created (unless it still runs, it ended a minute later).</param>
    /// <param name="outcome">How it ended, or that it still runs.</param>
    public void AddExecution(string job, DateTimeOffset created, FakeExecutionOutcome outcome) => _resources.AddExecution(job, created, outcome);

    /// <summary>Adds a job that <c>jobs.list</c> returns, with its policy.</summary>
    /// <param name="name">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <param name="policy">Its IAM policy without an etag, or <see langword="null"/> for the empty policy.</param>
    public void AddJob(string name, JsonObject? policy = null)
    {
        _resources.AddJob(name);
        _policies.Add(name, policy);
    }

    /// <summary>Answers every later request whose path starts with <c>/v2/{resourcePrefix}</c> with 403 <c>PERMISSION_DENIED</c> for <paramref name="permission"/>.</summary>
    /// <param name="resourcePrefix">Such as <c>projects/P/locations/us-east1/services</c>.</param>
    /// <param name="permission">Such as <c>run.services.list</c>.</param>
    public void Deny(string resourcePrefix, string permission) =>
        _host.Refuse(r => r.Path.StartsWith("/v2/" + resourcePrefix, StringComparison.Ordinal), RestResponse.PermissionDenied(permission, resourcePrefix));

    /// <summary>
    /// Never answers a later <c>services.list</c>: each is held until its caller gives up (a hostile API). The task
    /// completes when the first one arrived.
    /// </summary>
    /// <returns>A task that completes when a list request is held.</returns>
    public Task NeverAnswerServiceLists() =>
        _host.HoldUntilAborted(r => r.Method == "GET" && r.Path.EndsWith("/services", StringComparison.Ordinal));

    /// <summary>
    /// Never answers a later <c>jobs.list</c>: each is held until its caller gives up (a hostile API). The task completes
    /// when the first one arrived.
    /// </summary>
    /// <returns>A task that completes when a list request is held.</returns>
    public Task NeverAnswerJobLists() =>
        _host.HoldUntilAborted(r => r.Method == "GET" && r.Path.EndsWith("/jobs", StringComparison.Ordinal));

    /// <summary>Adds a service or job (<c>projects/P/locations/R/services/S</c> or <c>…/jobs/J</c>) with a policy.</summary>
    /// <param name="resource">The resource name.</param>
    /// <param name="policy">Its policy (<c>version</c>, <c>bindings</c>, …) without an etag, or <see langword="null"/> for the empty policy (etag <c>ACAB</c>).</param>
    public void AddResource(string resource, JsonObject? policy = null) => _policies.Add(resource, policy);

    /// <summary>Gets a resource's policy as stored (etag included).</summary>
    /// <param name="resource">The resource name.</param>
    /// <returns>A copy of the policy.</returns>
    public JsonObject GetPolicy(string resource) => _policies.Get(resource);

    /// <summary>
    /// Makes another writer change the resource's policy (and so its etag) just before each of the next
    /// <paramref name="times"/> setIamPolicy requests for it is checked: a client that read the policy earlier then
    /// meets 409 <c>ABORTED</c>, and its re-read sees the change.
    /// </summary>
    /// <param name="resource">The resource name.</param>
    /// <param name="change">The other writer's change to the stored policy.</param>
    /// <param name="times">How many setIamPolicy requests it precedes.</param>
    public void InterleaveChange(string resource, Action<JsonObject> change, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _policies.Interleave(resource, change, times);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
