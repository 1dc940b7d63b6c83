using System.Globalization;
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
    private readonly Lock _gate = new();
    private readonly FakeIamPolicies _policies = new();
    private readonly Dictionary<string, CallerEntry> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobEntry> _jobs = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _executions = [];
    private readonly TimeProvider _time;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _runLanded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _executionCounter;

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

    public IReadOnlyList<JsonObject> Executions(string job)
    {
        lock (_gate)
        {
            return [.. _executions.Where(e => (string?)e["job"] == job).Select(e => (JsonObject)e.DeepClone())];
        }
    }

    /// <summary>
    /// Ends an execution as failed: one task failed all its attempts (<c>failedCount</c> 1, <c>completionTime</c> set), its
    /// <c>Completed</c> condition <c>CONDITION_FAILED</c> with <c>executionReason</c> <c>NON_ZERO_EXIT_CODE</c> ("A task
    /// reached its retry limit and the last attempt failed due to the user container exiting with a non-zero exit code",
    /// google/cloud/run/v2/condition.proto), as the v2 Execution resource shows it.
    /// </summary>
    public void FailExecution(string name)
    {
        lock (_gate)
        {
            var execution = _executions.Single(e => (string?)e["name"] == name);
            execution["failedCount"] = 1;
            execution["succeededCount"] = 0;
            End(execution, ("ResourcesAvailable", "CONDITION_SUCCEEDED"), ("Started", "CONDITION_SUCCEEDED"), ("Completed", "CONDITION_FAILED"));
            Condition(execution, "Completed")["executionReason"] = "NON_ZERO_EXIT_CODE";
            Condition(execution, "Completed")["message"] = $"Task {((string)execution["name"]!).Split('/')[^1]}-task0 failed with message: The container exited with an error.";
        }
    }

    /// <summary>
    /// Ends an execution as failed before any task ran (its image could not be pulled, say): no task count moves — the
    /// v2 reference omits zero counts — but <c>completionTime</c> is set and the <c>ResourcesAvailable</c> and
    /// <c>Completed</c> conditions end <c>CONDITION_FAILED</c> (google/cloud/run/v2/execution.proto <c>conditions</c>:
    /// "detailed error information in case it did not reach the desired state").
    /// </summary>
    public void FailExecutionBeforeAnyTask(string name)
    {
        lock (_gate)
        {
            var execution = _executions.Single(e => (string?)e["name"] == name);
            End(execution, ("ResourcesAvailable", "CONDITION_FAILED"), ("Started", "CONDITION_FAILED"), ("Completed", "CONDITION_FAILED"));
            Condition(execution, "ResourcesAvailable")["reason"] = "CONTAINER_MISSING";
            Condition(execution, "ResourcesAvailable")["message"] = "Image 'us-docker.pkg.dev/cloudrun/container/job:latest' not found.";
            Condition(execution, "Completed")["message"] = "The execution failed before any task ran: its resources could not be provisioned.";
        }
    }

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
                return (RestResponse.Json(FakeRunAnswers.Operation(project, location, Execution(job, jobId, entry.Container, env, CallerOf(request)))), null);
            }

            var execution = Execution(job, jobId, entry.Container, env, CallerOf(request));
            _executions.Add(execution);
            _runLanded.TrySetResult();
            return (RestResponse.Json(FakeRunAnswers.Operation(project, location, execution)), _hold?.Task);
        }
    }

    // …/projects.locations.jobs.executions/list: run.executions.list on the parent job; pageSize, pageToken, showDeleted.
    private RestResponse List(RecordedRestRequest request, string job)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("pageSize" or "pageToken" or "showDeleted"));
        if (unknown is not null)
        {
            return RestResponse.InvalidArgument($"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot bind query parameter.");
        }

        lock (_gate)
        {
            if (AuthorizeLocked(request, job, FakeRunRoles.ListExecutions) is { } denied)
            {
                return denied;
            }

            var parts = job.Split('/');
            if (!_jobs.ContainsKey(job))
            {
                return FakeRunAnswers.NotFound(parts[1], parts[3], parts[5]);
            }

            var size = int.TryParse(request.Query.GetValueOrDefault("pageSize"), CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, 100) : 100;
            var start = int.TryParse(request.Query.GetValueOrDefault("pageToken"), CultureInfo.InvariantCulture, out var t) ? t : 0;
            var all = _executions.Where(e => (string?)e["job"] == job).Reverse().ToList(); // newest first, as the console lists them
            var page = new JsonObject { ["executions"] = new JsonArray([.. all.Skip(start).Take(size).Select(e => (JsonNode)e.DeepClone())]) };
            if (start + size < all.Count)
            {
                page["nextPageToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
            }

            if (((JsonArray)page["executions"]!).Count == 0)
            {
                page.Remove("executions");
            }

            return RestResponse.Json(page);
        }
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

    private JsonObject Execution(string job, string jobId, string container, Dictionary<string, string> env, string? creator)
    {
        var suffix = (++_executionCounter).ToString("x5", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["name"] = $"{job}/executions/{jobId}-{suffix}",
            ["uid"] = Guid.NewGuid().ToString(),
            ["creator"] = creator?.Split(':', 2)[^1],
            ["generation"] = "1",
            ["createTime"] = Timestamp(),
            ["job"] = job,
            ["parallelism"] = 1,
            ["taskCount"] = 1,
            ["template"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = container,
                    ["image"] = "us-docker.pkg.dev/cloudrun/container/job:latest",
                    ["env"] = new JsonArray([.. env.Select(p => (JsonNode)new JsonObject { ["name"] = p.Key, ["value"] = p.Value })]),
                }),
                ["maxRetries"] = 3,
                ["timeout"] = "600s",
            },
            ["reconciling"] = true,

            // cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs.executions: "conditions": the execution's
            // readiness and error detail (google.cloud.run.v2.Condition: type, state CONDITION_PENDING/…RECONCILING/
            // …FAILED/…SUCCEEDED). An execution's stages are ResourcesAvailable → Started → Completed, "Completed" its
            // ready condition (gcloud's googlecloudsdk/api_lib/run/execution.py READY_CONDITION, command_lib/run/stages.py).
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "ResourcesAvailable", ["state"] = "CONDITION_RECONCILING", ["lastTransitionTime"] = Timestamp() },
                new JsonObject { ["type"] = "Started", ["state"] = "CONDITION_PENDING", ["lastTransitionTime"] = Timestamp() },
                new JsonObject { ["type"] = "Completed", ["state"] = "CONDITION_PENDING", ["lastTransitionTime"] = Timestamp() }),
            ["etag"] = $"\"{suffix}\"",
        };
    }

    private static JsonObject Condition(JsonObject execution, string type) =>
        (JsonObject)((JsonArray)execution["conditions"]!).Single(c => (string?)c!["type"] == type)!;

    /// <summary>Ends <paramref name="execution"/>: completion time, no longer reconciling, each condition in its final state.</summary>
    private void End(JsonObject execution, params (string Type, string State)[] conditions)
    {
        var now = Timestamp();
        execution["completionTime"] = now;
        execution["reconciling"] = false;
        foreach (var (type, state) in conditions)
        {
            Condition(execution, type)["state"] = state;
            Condition(execution, type)["lastTransitionTime"] = now;
        }
    }

    private string Timestamp() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^/v2/(projects/([^/]+)/locations/([^/]+)/jobs/([^/:]+)):run$", RegexOptions.CultureInvariant)]
    private static partial Regex RunPath();

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/:]+)/executions$", RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionsPath();

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/(jobs|services)/[^/:]+):(getIamPolicy|setIamPolicy)$", RegexOptions.CultureInvariant)]
    private static partial Regex IamPath();

    private sealed record CallerEntry(string Member, string[] ProjectRoles);

    private sealed record JobEntry(string Container, Dictionary<string, string> Env);
}
