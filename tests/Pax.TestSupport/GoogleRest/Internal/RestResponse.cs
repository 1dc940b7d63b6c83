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

    public static RestResponse InvalidArgument(string message) => Error(400, "INVALID_ARGUMENT", message);

    /// <summary>What Google's front end answers for a path or method that is no API route.</summary>
    public static RestResponse NoSuchRoute(string method, string path) => new()
    {
        StatusCode = 404,
        ContentType = "text/html; charset=UTF-8",
        Body = $"<!DOCTYPE html><title>Error 404 (Not Found)</title><p>The requested URL <code>{path}</code> was not found on this server (method {method}).</p>",
    };
}
