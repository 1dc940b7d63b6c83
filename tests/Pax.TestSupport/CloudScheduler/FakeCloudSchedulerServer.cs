using System.Text.Json.Nodes;
using Pax.TestSupport.CloudScheduler.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudScheduler;

/// <summary>
/// A loopback Cloud Scheduler v1 REST server (Kestrel on 127.0.0.1, a free port) that replays the documented request and
/// response shapes of <c>projects.locations.jobs</c> create, get and patch for HTTP targets: unknown fields, wrong types,
/// missing required fields, out-of-range values and both tokens at once are refused with 400 <c>INVALID_ARGUMENT</c>;
/// a duplicate create gets 409 <c>ALREADY_EXISTS</c>; a get or patch of a missing job 404 <c>NOT_FOUND</c>; patch
/// applies <c>updateMask</c> path by path as the <c>google.protobuf.FieldMask</c> reference says (a message named last is
/// merged, a scalar, map or Duration named last replaced or cleared, an unmappable path 400: <c>FakeSchedulerUpdateMask</c>); list pages (<see cref="MaxPageSize"/>) with <c>nextPageToken</c>; a missing or wrong bearer token gets 401; other routes and methods get Google's 404 page.
/// Like the real API it does not judge whether a token suits its URL. Every request is recorded.
/// </summary>
public sealed class FakeCloudSchedulerServer : IAsyncDisposable
{
    /// <summary>The bearer token requests must carry unless another is given.</summary>
    public const string DefaultAccessToken = "fake-scheduler-token";

    private readonly RestLoopbackHost _host;
    private readonly FakeSchedulerJobs _jobs;

    private FakeCloudSchedulerServer(RestLoopbackHost host, FakeSchedulerJobs jobs)
    {
        _host = host;
        _jobs = jobs;
    }

    /// <summary>Gets the server's root, such as <c>http://127.0.0.1:41234/</c>: the Cloud Scheduler endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="timeProvider">The clock for <c>userUpdateTime</c>; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeCloudSchedulerServer> StartAsync(string? accessToken = DefaultAccessToken, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var jobs = new FakeSchedulerJobs(timeProvider ?? TimeProvider.System);
        var host = await RestLoopbackHost.StartAsync(accessToken, jobs.Handle, cancellationToken);
        return new FakeCloudSchedulerServer(host, jobs);
    }

    /// <summary>Gets or sets the most jobs one list page holds (default 500, the API's maximum): set it low to force several pages.</summary>
    public int MaxPageSize
    {
        get => _jobs.MaxPageSize;
        set => _jobs.MaxPageSize = value;
    }

    /// <summary>Stores a job as it would be after a create (seeding a project's state); throws when the API would refuse it.</summary>
    /// <param name="job">The Job resource, <c>name</c> included.</param>
    public void AddJob(JsonObject job) => _jobs.Seed(job);

    /// <summary>Answers every later request whose path starts with <c>/v1/{resourcePrefix}</c> with 403 <c>PERMISSION_DENIED</c> for <paramref name="permission"/>.</summary>
    /// <param name="resourcePrefix">Such as <c>projects/P/locations/us-east1</c>.</param>
    /// <param name="permission">Such as <c>cloudscheduler.jobs.list</c>.</param>
    public void Deny(string resourcePrefix, string permission) =>
        _host.Refuse(r => r.Path.StartsWith("/v1/" + resourcePrefix, StringComparison.Ordinal), RestResponse.PermissionDenied(permission, resourcePrefix));

    /// <summary>
    /// Answers every later request under <c>/v1/projects/{project}/locations/{location}</c> with 404 <c>NOT_FOUND</c>, as a
    /// list under a parent that does not exist is answered (google.aip.dev/132: "If the parent does not exist, the
    /// method must return NOT_FOUND"), such as a region Cloud Scheduler does not serve.
    /// </summary>
    /// <param name="project">The project id.</param>
    /// <param name="location">The location that does not exist.</param>
    public void UnknownLocation(string project, string location) =>
        _host.Refuse(
            r => r.Path.StartsWith($"/v1/projects/{project}/locations/{location}/", StringComparison.Ordinal),
            RestResponse.Error(404, "NOT_FOUND", $"Location projects/{project}/locations/{location} was not found."));

    /// <summary>
    /// Records the answer to the job's last attempt (<c>status</c>, <c>lastAttemptTime</c>; output only, "The response from
    /// the target for the last attempted execution", cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs#Job).
    /// </summary>
    /// <param name="name">The job's name.</param>
    /// <param name="code">The google.rpc code, such as 16 (UNAUTHENTICATED); 0 for OK.</param>
    /// <param name="message">The status message.</param>
    /// <param name="at">When the attempt started.</param>
    public void RecordAttempt(string name, int code, string? message, DateTimeOffset at) => _jobs.RecordAttempt(name, code, message, at);

    /// <summary>Gets a stored job as the API would return it, or <see langword="null"/>.</summary>
    /// <param name="name">The job's name: <c>projects/P/locations/L/jobs/J</c>.</param>
    /// <returns>A copy of the job.</returns>
    public JsonObject? GetJob(string name) => _jobs.Get(name);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
