using System.Text.Json.Nodes;
using Pax.TestSupport.CloudRun.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun;

/// <summary>
/// A loopback Cloud Run Admin API v2 server (Kestrel on 127.0.0.1, a free port) for jobs: <c>POST v2/{job}:run</c>
/// (answers a long-running Operation whose metadata is the new Execution), <c>GET v2/{job}/executions</c> (newest
/// first, paged) and the job's <c>:getIamPolicy</c> / <c>:setIamPolicy</c>. Every call is checked like Google checks
/// it: the bearer token names a caller (unknown → 401 <c>UNAUTHENTICATED</c>); the caller's roles are its project-level
/// roles plus those bound to it in the job's own IAM policy; a call whose permission none of them holds gets 403
/// <c>PERMISSION_DENIED</c> naming the permission. A run <b>with overrides</b> needs <c>run.jobs.runWithOverrides</c>,
/// which <c>roles/run.invoker</c> lacks (FACTS.md §3.1; cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run).
/// Each execution's <c>template.containers[].env</c> shows the job's environment with the overrides merged by name.
/// </summary>
public sealed class FakeCloudRunJobsServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeJobExecutions _jobs;

    private FakeCloudRunJobsServer(RestLoopbackHost host, FakeJobExecutions jobs)
    {
        _host = host;
        _jobs = jobs;
    }

    /// <summary>Gets the server's root, such as <c>http://127.0.0.1:41234/</c>: the Cloud Run endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server with no callers and no jobs.</summary>
    /// <param name="time">The clock for <c>createTime</c>, or <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeCloudRunJobsServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var jobs = new FakeJobExecutions(time ?? TimeProvider.System);
        var host = await RestLoopbackHost.StartAsync(null, jobs.HandleAsync, cancellationToken);
        return new FakeCloudRunJobsServer(host, jobs);
    }

    /// <summary>Adds a caller: requests with <c>Authorization: Bearer {token}</c> act as <paramref name="member"/>.</summary>
    /// <param name="token">The access token the caller sends.</param>
    /// <param name="member">The IAM member, such as <c>serviceAccount:orchestrator@p.iam.gserviceaccount.com</c>.</param>
    /// <param name="projectRoles">Roles the member holds at project level (inherited: the job's policy does not show them).</param>
    public void AddCaller(string token, string member, params string[] projectRoles) => _jobs.AddCaller(token, member, projectRoles);

    /// <summary>Adds a job with one container, its environment and an empty IAM policy.</summary>
    /// <param name="job">The job: <c>projects/P/locations/L/jobs/J</c>.</param>
    /// <param name="env">The container's environment, or <see langword="null"/>.</param>
    /// <param name="container">The container's name.</param>
    public void AddJob(string job, IReadOnlyDictionary<string, string>? env = null, string container = "job") =>
        _jobs.AddJob(job, container, env ?? new Dictionary<string, string>());

    /// <summary>Binds <paramref name="member"/> to <paramref name="role"/> in the job's own IAM policy (what an operator's grant does).</summary>
    /// <param name="job">The job.</param>
    /// <param name="member">The member.</param>
    /// <param name="role">The role, such as <c>roles/run.invoker</c>.</param>
    public void Grant(string job, string member, string role)
    {
        var policy = _jobs.Policies.Get(job);
        policy.Remove("etag");
        var bindings = policy["bindings"] as JsonArray ?? [];
        bindings.Add(new JsonObject { ["role"] = role, ["members"] = new JsonArray(member) });
        policy["bindings"] = bindings.DeepClone();
        _jobs.Policies.Add(job, policy);
    }

    /// <summary>Gets the executions the job's runs started, oldest first (as stored, with <c>template.containers[].env</c>).</summary>
    /// <param name="job">The job.</param>
    /// <returns>Copies of the executions.</returns>
    public IReadOnlyList<JsonObject> Executions(string job) => _jobs.Executions(job);

    /// <summary>
    /// From now on, a run creates its execution and then holds its answer until <see cref="ReleaseRunAnswers"/>: the
    /// run lands while its caller waits (and may time out). The returned task completes when the next execution landed.
    /// </summary>
    /// <returns>A task that completes when a held run has created its execution.</returns>
    public Task HoldRunAnswers() => _jobs.HoldRunAnswers();

    /// <summary>Ends execution <paramref name="name"/> as failed by a task (<c>failedCount</c> 1, <c>completionTime</c> set, <c>Completed</c> condition <c>CONDITION_FAILED</c>).</summary>
    /// <param name="name">The execution's name.</param>
    public void FailExecution(string name) => _jobs.FailExecution(name);

    /// <summary>Ends execution <paramref name="name"/> as failed before any task ran (no <c>failedCount</c>; <c>completionTime</c> set; <c>ResourcesAvailable</c> and <c>Completed</c> conditions <c>CONDITION_FAILED</c>).</summary>
    /// <param name="name">The execution's name.</param>
    public void FailExecutionBeforeAnyTask(string name) => _jobs.FailExecutionBeforeAnyTask(name);

    /// <summary>Lets held and later runs answer.</summary>
    public void ReleaseRunAnswers() => _jobs.ReleaseRunAnswers();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _jobs.ReleaseRunAnswers();
        await _host.DisposeAsync();
    }
}
