using System.Globalization;
using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// The one model of Cloud Run job executions both Cloud Run fakes serve (<see cref="FakeCloudRunJobsServer"/>: the
/// executions its <c>jobs:run</c> starts; <see cref="FakeCloudRunIamServer"/>: those a test adds), as the v2 Execution
/// resource shows them (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs.executions#Execution;
/// google/cloud/run/v2/execution.proto): <c>name</c> <c>{job}/executions/{jobId}-{n}</c>, <c>createTime</c>,
/// <c>completionTime</c> once it ended, <c>taskCount</c>, <c>succeededCount</c> / <c>failedCount</c> (zero counts left out,
/// as proto3 JSON does), <c>template</c> (the containers with a run's overrides applied), <c>reconciling</c> and
/// <c>conditions</c> — "The Condition of this Execution, containing its readiness status, and detailed error
/// information in case it did not reach the desired state" (google.cloud.run.v2.Condition: <c>type</c>, <c>state</c>
/// CONDITION_PENDING/…RECONCILING/…FAILED/…SUCCEEDED, <c>reason</c> or <c>executionReason</c>, <c>message</c>). An
/// execution's stages are <c>ResourcesAvailable</c> → <c>Started</c> → <c>Completed</c>, <c>Completed</c> its ready
/// condition (gcloud's googlecloudsdk/api_lib/run/execution.py <c>READY_CONDITION</c>, command_lib/run/stages.py). Lists
/// (<c>GET v2/{job}/executions</c>, …/projects.locations.jobs.executions/list) come newest first, paged as
/// <see cref="FakePages"/> pages (query <c>pageSize</c>, <c>pageToken</c>, <c>showDeleted</c>).
/// </summary>
internal sealed class FakeRunExecutions
{
    private readonly Lock _gate = new();
    private readonly List<(string Job, JsonObject Execution)> _executions = [];

    /// <summary>Builds the execution a run of <paramref name="job"/> starts now, without keeping it (a <c>validateOnly</c> run).</summary>
    public JsonObject Preview(string job, DateTimeOffset created, string container, IReadOnlyDictionary<string, string> env, string? creator)
    {
        lock (_gate)
        {
            return Started(job, created, container, env, creator);
        }
    }

    /// <summary>Starts an execution of <paramref name="job"/>: every condition pending (its resources being provisioned), no completion time.</summary>
    /// <returns>A copy of the execution.</returns>
    public JsonObject Start(string job, DateTimeOffset created, string container, IReadOnlyDictionary<string, string> env, string? creator)
    {
        lock (_gate)
        {
            var execution = Started(job, created, container, env, creator);
            _executions.Add((job, execution));
            return (JsonObject)execution.DeepClone();
        }
    }

    /// <summary>Adds an execution of <paramref name="job"/> created at <paramref name="created"/> that ended (a minute later) as <paramref name="outcome"/> says, or still runs.</summary>
    public void Add(string job, DateTimeOffset created, FakeExecutionOutcome outcome)
    {
        var name = (string)Start(job, created, "job", new Dictionary<string, string>(), null)["name"]!;
        var ended = created.AddMinutes(1);
        switch (outcome)
        {
            case FakeExecutionOutcome.Succeeded:
                Succeed(name, ended);
                break;
            case FakeExecutionOutcome.TaskFailed:
                Fail(name, ended);
                break;
            case FakeExecutionOutcome.FailedBeforeAnyTask:
                FailBeforeAnyTask(name, ended);
                break;
            default: // running: its resources provisioned and its task started, not completed.
                Update(name, execution =>
                {
                    Condition(execution, "ResourcesAvailable")["state"] = "CONDITION_SUCCEEDED";
                    Condition(execution, "Started")["state"] = "CONDITION_SUCCEEDED";
                });
                break;
        }
    }

    /// <summary>Ends an execution as succeeded: its one task succeeded (<c>succeededCount</c> 1), every condition <c>CONDITION_SUCCEEDED</c>.</summary>
    public void Succeed(string name, DateTimeOffset at) => Update(name, execution =>
    {
        execution["succeededCount"] = 1;
        End(execution, at, ("ResourcesAvailable", "CONDITION_SUCCEEDED"), ("Started", "CONDITION_SUCCEEDED"), ("Completed", "CONDITION_SUCCEEDED"));
    });

    /// <summary>
    /// Ends an execution as failed: one task failed all its attempts (<c>failedCount</c> 1), its <c>Completed</c> condition
    /// <c>CONDITION_FAILED</c> with <c>executionReason</c> <c>NON_ZERO_EXIT_CODE</c> ("A task reached its retry limit and the
    /// last attempt failed due to the user container exiting with a non-zero exit code", google/cloud/run/v2/condition.proto).
    /// </summary>
    public void Fail(string name, DateTimeOffset at) => Update(name, execution =>
    {
        execution["failedCount"] = 1;
        End(execution, at, ("ResourcesAvailable", "CONDITION_SUCCEEDED"), ("Started", "CONDITION_SUCCEEDED"), ("Completed", "CONDITION_FAILED"));
        Condition(execution, "Completed")["executionReason"] = "NON_ZERO_EXIT_CODE";
        Condition(execution, "Completed")["message"] = $"Task {((string)execution["name"]!).Split('/')[^1]}-task0 failed with message: The container exited with an error.";
    });

    /// <summary>
    /// Ends an execution as failed before any task ran (its image could not be pulled, say): no task count moves, but the
    /// <c>ResourcesAvailable</c> and <c>Completed</c> conditions end <c>CONDITION_FAILED</c>, with the reason in their message.
    /// </summary>
    public void FailBeforeAnyTask(string name, DateTimeOffset at) => Update(name, execution =>
    {
        End(execution, at, ("ResourcesAvailable", "CONDITION_FAILED"), ("Started", "CONDITION_FAILED"), ("Completed", "CONDITION_FAILED"));
        Condition(execution, "ResourcesAvailable")["reason"] = "CONTAINER_MISSING";
        Condition(execution, "ResourcesAvailable")["message"] = "Image 'us-docker.pkg.dev/cloudrun/container/job:latest' not found.";
        Condition(execution, "Completed")["message"] = "The execution failed before any task ran: its resources could not be provisioned.";
    });

    /// <summary>Gets the executions of <paramref name="job"/>, oldest first (copies).</summary>
    public IReadOnlyList<JsonObject> Of(string job)
    {
        lock (_gate)
        {
            return [.. _executions.Where(e => e.Job == job).Select(e => (JsonObject)e.Execution.DeepClone())];
        }
    }

    /// <summary>Answers <c>GET v2/{job}/executions</c> for a job the caller checked exists: newest first, paged.</summary>
    public RestResponse List(RecordedRestRequest request, string job, int maxPageSize)
    {
        JsonNode[] items;
        lock (_gate)
        {
            items = [.. _executions.Select((e, i) => (e.Job, e.Execution, Order: i)).Where(e => e.Job == job)
                .OrderByDescending(e => (string?)e.Execution["createTime"], StringComparer.Ordinal).ThenByDescending(e => e.Order)
                .Select(e => (JsonNode)e.Execution.DeepClone())];
        }

        return FakePages.Answer(request, job + "/executions", "executions", items, maxPageSize, "showDeleted");
    }

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private JsonObject Started(string job, DateTimeOffset created, string container, IReadOnlyDictionary<string, string> env, string? creator)
    {
        var jobId = job.Split('/')[^1];
        var number = (_executions.Count(e => e.Job == job) + 1).ToString("x5", CultureInfo.InvariantCulture);
        var at = Timestamp(created);
        return new JsonObject
        {
            ["name"] = $"{job}/executions/{jobId}-{number}",
            ["uid"] = Guid.NewGuid().ToString(),
            ["creator"] = creator?.Split(':', 2)[^1],
            ["generation"] = "1",
            ["createTime"] = at,
            ["job"] = jobId,
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
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "ResourcesAvailable", ["state"] = "CONDITION_RECONCILING", ["lastTransitionTime"] = at },
                new JsonObject { ["type"] = "Started", ["state"] = "CONDITION_PENDING", ["lastTransitionTime"] = at },
                new JsonObject { ["type"] = "Completed", ["state"] = "CONDITION_PENDING", ["lastTransitionTime"] = at }),
            ["etag"] = $"\"{jobId}-{number}\"",
        };
    }

    private void Update(string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            change(_executions.Single(e => (string?)e.Execution["name"] == name).Execution);
        }
    }

    private static JsonObject Condition(JsonObject execution, string type) =>
        (JsonObject)((JsonArray)execution["conditions"]!).Single(c => (string?)c!["type"] == type)!;

    /// <summary>Ends <paramref name="execution"/>: completion time, no longer reconciling, each condition in its final state.</summary>
    private static void End(JsonObject execution, DateTimeOffset at, params (string Type, string State)[] conditions)
    {
        var now = Timestamp(at);
        execution["completionTime"] = now;
        execution["reconciling"] = false;
        foreach (var (type, state) in conditions)
        {
            Condition(execution, type)["state"] = state;
            Condition(execution, type)["lastTransitionTime"] = now;
        }
    }
}
