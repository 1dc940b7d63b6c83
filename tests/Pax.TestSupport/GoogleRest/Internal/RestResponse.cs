using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.GoogleRest.Internal;

/// <summary>An answer of a Google REST fake: JSON resources and the gRPC-transcoded error body Google's v1/v2 APIs send.</summary>
internal sealed class RestResponse
{
    // Google escapes only what JSON requires ("\"", not "\u0022").
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required int StatusCode { get; init; }

    public required string ContentType { get; init; }

    public required string Body { get; init; }

    public static RestResponse Json(JsonNode body, int statusCode = 200) => new()
    {
        StatusCode = statusCode,
        ContentType = "application/json; charset=UTF-8",
        Body = body.ToJsonString(Wire),
    };

    /// <summary><c>{"error":{"code","message","status"}}</c>, as Google's gRPC-transcoded APIs answer.</summary>
    public static RestResponse Error(int code, string status, string message) => Json(
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } },
        code);

    /// <summary>
    /// 403 <c>PERMISSION_DENIED</c> as Google's APIs answer a caller without the permission: "Permission 'P' denied on
    /// resource 'R' (or it may not exist)." (cloud.google.com/apis/design/errors#handling_errors, PERMISSION_DENIED).
    /// </summary>
    public static RestResponse PermissionDenied(string permission, string resource) =>
        Error(403, "PERMISSION_DENIED", $"Permission '{permission}' denied on resource '{resource}' (or it may not exist).");

    /// <summary>
    /// 403 <c>PERMISSION_DENIED</c> with an <c>ErrorInfo</c> detail of reason <c>SERVICE_DISABLED</c>: what Google answers
    /// when the API is not enabled in the project (cloud.google.com/apis/design/errors#error_info).
    /// </summary>
    public static RestResponse ServiceDisabled(string api, string project) => Json(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 403,
                ["message"] = $"{api} API has not been used in project {project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/{api}/overview?project={project} then retry.",
                ["status"] = "PERMISSION_DENIED",
                ["details"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                    ["reason"] = "SERVICE_DISABLED",
                    ["domain"] = "googleapis.com",
                    ["metadata"] = new JsonObject { ["service"] = api, ["consumer"] = $"projects/{project}" },
                }),
            },
        },
        403);

    public static RestResponse InvalidArgument(string message) => Error(400, "INVALID_ARGUMENT", message);

    /// <summary>What Google's front end answers for a path or method that is no API route.</summary>
    public static RestResponse NoSuchRoute(string method, string path) => new()
    {
        StatusCode = 404,
        ContentType = "text/html; charset=UTF-8",
        Body = $"<!DOCTYPE html><title>Error 404 (Not Found)</title><p>The requested URL <code>{path}</code> was not found on this server (method {method}).</p>",
    };
}
