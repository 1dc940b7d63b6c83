using System.Text.Json;
using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// <c>RunJobRequest.overrides</c> as documented (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run#Overrides):
/// <c>containerOverrides[]</c> <c>{name, args[], env[{name, value}], clearArgs}</c>, <c>taskCount</c>, <c>timeout</c>.
/// <c>env</c> entries are merged with the container's by name; <c>name</c> may be empty only for a single-container job.
/// </summary>
internal static class FakeRunOverrides
{
    // Set by Cloud Run in every task, not by the user (FACTS.md §3.4; cloud.google.com/run/docs/container-contract#jobs-env-vars).
    private static readonly string[] Reserved = ["CLOUD_RUN_JOB", "CLOUD_RUN_EXECUTION", "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_ATTEMPT", "CLOUD_RUN_TASK_COUNT"];

    public static string? Apply(JsonObject overrides, string container, Dictionary<string, string> env)
    {
        string? error = StrictJson.UnknownField(overrides, "run_job_request.overrides", "containerOverrides", "taskCount", "timeout");
        StrictJson.Integer(overrides, "taskCount", "run_job_request.overrides", ref error);
        var timeout = StrictJson.String(overrides, "timeout", "run_job_request.overrides", ref error);
        error ??= timeout is not null && !(timeout.EndsWith('s') && decimal.TryParse(timeout[..^1], System.Globalization.CultureInfo.InvariantCulture, out _))
            ? $"Invalid value at 'run_job_request.overrides.timeout' (type.googleapis.com/google.protobuf.Duration), Field 'timeout', Illegal duration format; duration must end with 's'" : null;
        if (overrides["containerOverrides"] is { } list && list.GetValueKind() != JsonValueKind.Array)
        {
            error ??= "Invalid value at 'run_job_request.overrides.container_overrides', expected a list.";
        }

        foreach (var node in overrides["containerOverrides"] as JsonArray ?? [])
        {
            error ??= node is JsonObject item ? ApplyContainer(item, container, env) : "Each container override must be an object.";
        }

        return error;
    }

    private static string? ApplyContainer(JsonObject item, string container, Dictionary<string, string> env)
    {
        string? error = StrictJson.UnknownField(item, "run_job_request.overrides.container_overrides", "name", "args", "env", "clearArgs");
        var name = StrictJson.String(item, "name", "run_job_request.overrides.container_overrides", ref error);
        error ??= !string.IsNullOrEmpty(name) && name != container ? $"Container override name '{name}' does not match any container in the job." : null;
        foreach (var variable in item["env"] as JsonArray ?? [])
        {
            if (error is not null)
            {
                break;
            }

            if (variable is not JsonObject entry)
            {
                error = "Each env entry must be an object.";
                break;
            }

            error = StrictJson.UnknownField(entry, "run_job_request.overrides.container_overrides.env", "name", "value", "valueSource");
            var key = StrictJson.String(entry, "name", "run_job_request.overrides.container_overrides.env", ref error);
            var value = StrictJson.String(entry, "value", "run_job_request.overrides.container_overrides.env", ref error);
            error ??= string.IsNullOrEmpty(key) ? "env.name is required." : null;
            error ??= Reserved.Contains(key, StringComparer.Ordinal) ? $"The environment variable '{key}' is reserved." : null;
            if (error is null)
            {
                env[key!] = value ?? string.Empty;
            }
        }

        return error;
    }
}
