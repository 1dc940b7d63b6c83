using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>The answers of the Run jobs fake that are Google's shapes rather than its state: the Operation, 403 and 404 bodies.</summary>
internal static class FakeRunAnswers
{
    // jobs:run answers a google.longrunning.Operation whose metadata is the Execution (FACTS.md §3.1).
    public static JsonObject Operation(string project, string location, JsonObject execution)
    {
        var metadata = new JsonObject { ["@type"] = "type.googleapis.com/google.cloud.run.v2.Execution" };
        foreach (var (key, value) in execution)
        {
            metadata[key] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["name"] = $"projects/{project}/locations/{location}/operations/{Guid.NewGuid()}",
            ["metadata"] = metadata,
        };
    }

    // The shape IAM denials take in Google's v2 APIs: 403 PERMISSION_DENIED, the permission and resource named, and an
    // ErrorInfo detail with reason IAM_PERMISSION_DENIED (cloud.google.com/apis/design/errors#error_info).
    public static RestResponse PermissionDenied(string permission, string resource) => RestResponse.Json(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 403,
                ["message"] = $"Permission '{permission}' denied on resource '{resource}' (or resource may not exist).",
                ["status"] = "PERMISSION_DENIED",
                ["details"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                    ["reason"] = "IAM_PERMISSION_DENIED",
                    ["domain"] = "iam.googleapis.com",
                    ["metadata"] = new JsonObject { ["permission"] = permission, ["resource"] = resource },
                }),
            },
        },
        403);

    public static RestResponse NotFound(string project, string location, string jobId) =>
        RestResponse.Error(404, "NOT_FOUND", $"Resource '{jobId}' of kind 'JOB' in region '{location}' in project '{project}' does not exist.");
}
