using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// The jobs a <see cref="FakeCloudRunJobsServer"/> knows, the executions <c>jobs:run</c> started, and who may do what.
/// Routes: <c>POST v2/{job}:run</c> (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run),
/// <c>GET v2/{job}/executions</c> (…/projects.locations.jobs.executions/list; google/cloud/run/v2/execution.proto
/// <c>ListExecutions</c>), and the IAM methods of <see cref="FakeIamPolicies"/>, each behind a permission check.
/// </summary>
internal sealed partial class FakeJobExecutions
{
    // "pageSize: Maximum number of Executions to return in this call" — the fake's server-side cap.
    private const int MaxPageSize = 100;

    private readonly Lock _gate = new();
    private readonly FakeIamPolicies _policies = new();
    private readonly Dictionary<string, CallerEntry> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobEntry> _jobs = new(StringComparer.Ordinal);
    private readonly FakeRunExecutions _executions = new();
    private readonly TimeProvider _time;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _runLanded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeJobExecutions(TimeProvider time)
    {
        _time = time;
    }

    public FakeIamPolicies Policies => _policies;

    public void AddCaller(string token, string member, string[] projectRoles)
    {
        lock (_gate)
        {
            _callers[token] = new CallerEntry(member, projectRoles);
        }
    }

    public void AddJob(string job, string container, IReadOnlyDictionary<string, string> env)
    {
        lock (_gate)
        {
            _jobs[job] = new JobEntry(container, new Dictionary<string, string>(env, StringComparer.Ordinal));
            _policies.Add(job, null);
        }
    }

    public IReadOnlyList<JsonObject> Executions(string job) => _executions.Of(job);

    /// <summary>Ends an execution as failed by a task (<see cref="FakeRunExecutions.Fail"/>), now.</summary>
    public void FailExecution(string name) => _executions.Fail(name, _time.GetUtcNow());

    /// <summary>Ends an execution as failed before any task ran (<see cref="FakeRunExecutions.FailBeforeAnyTask"/>), now.</summary>
    public void FailExecutionBeforeAnyTask(string name) => _executions.FailBeforeAnyTask(name, _time.GetUtcNow());

    public Task HoldRunAnswers()
    {
        lock (_gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _runLanded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _runLanded.Task;
        }
    }

    public void ReleaseRunAnswers()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    public async Task<RestResponse> HandleAsync(RecordedRestRequest request)
    {
        var path = request.RawTarget.Split('?', 2)[0];
        if (RunPath().Match(path) is { Success: true } run && request.Method == "POST")
        {
            var (response, hold) = Run(request, run.Groups[1].Value, run.Groups[2].Value, run.Groups[3].Value, run.Groups[4].Value);
            if (hold is not null)
            {
                await hold;
            }

            return response;
        }

        if (ExecutionsPath().Match(path) is { Success: true } list && request.Method == "GET")
        {
            return List(request, list.Groups[1].Value);
        }

        if (IamPath().Match(path) is { Success: true } iam)
        {
            var permission = $"run.{iam.Groups[2].Value}.{iam.Groups[3].Value}";
            return Authorize(request, iam.Groups[1].Value, permission) ?? _policies.Handle(request);
        }

        return RestResponse.NoSuchRoute(request.Method, path);
    }

    // cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run: run.jobs.run on the job, and
    // run.jobs.runWithOverrides when the body has overrides ("Authorization requires the following IAM permission on
    // the specified resource overrides"). The answer is a long-running Operation whose metadata is the Execution.
    private (RestResponse Response, Task? Hold) Run(RecordedRestRequest request, string job, string project, string location, string jobId)
    {
        string? error = null;
        var body = request.Body.Length == 0 ? [] : StrictJson.ParseObject(request, out error);
        error ??= StrictJson.UnknownField(body!, "run_job_request", "validateOnly", "etag", "overrides");
        var overrides = error is null ? StrictJson.Object(body!, "overrides", "run_job_request", ref error) : null;
        if (error is not null)
        {
            return (RestResponse.InvalidArgument(error), null);
        }

        lock (_gate)
        {
            var denied = AuthorizeLocked(request, job, FakeRunRoles.Run)
                ?? (body!.ContainsKey("overrides") ? AuthorizeLocked(request, job, FakeRunRoles.RunWithOverrides) : null);
            if (denied is not null)
            {
                return (denied, null);
            }

            if (!_jobs.TryGetValue(job, out var entry))
            {
                return (FakeRunAnswers.NotFound(project, location, jobId), null);
            }

            var env = new Dictionary<string, string>(entry.Env, StringComparer.Ordinal);
            error = overrides is null ? null : FakeRunOverrides.Apply(overrides, entry.Container, env);
            if (error is not null)
            {
                return (RestResponse.InvalidArgument(error), null);
            }

            if ((bool?)body!["validateOnly"] == true)
            {
                return (RestResponse.Json(FakeRunAnswers.Operation(project, location, _executions.Preview(job, _time.GetUtcNow(), entry.Container, env, CallerOf(request)))), null);
            }

            var execution = _executions.Start(job, _time.GetUtcNow(), entry.Container, env, CallerOf(request));
            _runLanded.TrySetResult();
            return (RestResponse.Json(FakeRunAnswers.Operation(project, location, execution)), _hold?.Task);
        }
    }

    // …/projects.locations.jobs.executions/list: run.executions.list on the parent job; pageSize, pageToken, showDeleted.
    private RestResponse List(RecordedRestRequest request, string job)
    {
        lock (_gate)
        {
            if (AuthorizeLocked(request, job, FakeRunRoles.ListExecutions) is { } denied)
            {
                return denied;
            }

            if (!_jobs.ContainsKey(job))
            {
                var parts = job.Split('/');
                return FakeRunAnswers.NotFound(parts[1], parts[3], parts[5]);
            }
        }

        return _executions.List(request, job, MaxPageSize);
    }

    private RestResponse? Authorize(RecordedRestRequest request, string resource, string permission)
    {
        lock (_gate)
        {
            return AuthorizeLocked(request, resource, permission);
        }
    }

    // The caller's roles: its project-level roles (inherited; the resource policy does not show them) and the roles
    // bound to it, or to allUsers / allAuthenticatedUsers, without a condition in the resource's own policy.
    private RestResponse? AuthorizeLocked(RecordedRestRequest request, string resource, string permission)
    {
        var token = request.Authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is null || !_callers.TryGetValue(token, out var caller))
        {
            return RestResponse.Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        }

        var roles = new HashSet<string>(caller.ProjectRoles, StringComparer.Ordinal);
        if (_jobs.ContainsKey(resource) || resource.Contains("/services/", StringComparison.Ordinal))
        {
            foreach (var binding in TryPolicy(resource)?["bindings"] as JsonArray ?? [])
            {
                if (binding is JsonObject b && !b.ContainsKey("condition") && b["members"] is JsonArray members
                    && members.Any(m => (string?)m is { } name && (name == caller.Member || name is "allUsers" or "allAuthenticatedUsers")))
                {
                    roles.Add((string)b["role"]!);
                }
            }
        }

        return roles.Any(role => FakeRunRoles.Grants(role, permission)) ? null : FakeRunAnswers.PermissionDenied(permission, resource);
    }

    private JsonObject? TryPolicy(string resource)
    {
        try
        {
            return _policies.Get(resource);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private string? CallerOf(RecordedRestRequest request) =>
        request.Authorization is { } header && _callers.TryGetValue(header["Bearer ".Length..], out var caller) ? caller.Member : null;

    [GeneratedRegex("^/v2/(projects/([^/]+)/locations/([^/]+)/jobs/([^/:]+)):run$", RegexOptions.CultureInvariant)]
    private static partial Regex RunPath();

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/:]+)/executions$", RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionsPath();

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/(jobs|services)/[^/:]+):(getIamPolicy|setIamPolicy)$", RegexOptions.CultureInvariant)]
    private static partial Regex IamPath();

    private sealed record CallerEntry(string Member, string[] ProjectRoles);

    private sealed record JobEntry(string Container, Dictionary<string, string> Env);
}
