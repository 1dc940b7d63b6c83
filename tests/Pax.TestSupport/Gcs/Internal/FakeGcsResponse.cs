using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>An answer before it is written, so a fault can change it after the work is done.</summary>
internal sealed class FakeGcsResponse
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    // Google escapes only what JSON requires ("\"", not "\u0022").
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required int StatusCode { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Body { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static FakeGcsResponse Json(int statusCode, JsonNode body) => new()
    {
        StatusCode = statusCode,
        ContentType = JsonContentType,
        Body = Encoding.UTF8.GetBytes(body.ToJsonString(Wire)),
    };

    /// <summary>
    /// Google's JSON API error body: <c>{"error":{"code","message","errors":[{message,domain,reason,…}]}}</c>
    /// (cloud.google.com/storage/docs/json_api/v1/status-codes, "Error response format").
    /// </summary>
    public static FakeGcsResponse Error(int code, string message, string reason, string? location = null, string? locationType = null)
    {
        var item = new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason };
        if (location is not null)
        {
            item["locationType"] = locationType ?? "parameter";
            item["location"] = location;
        }

        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["errors"] = new JsonArray(item) },
        };
        return Json(code, body);
    }

    /// <summary>What Google's front end answers for a path that is no API route.</summary>
    public static FakeGcsResponse PlainNotFound() => new()
    {
        StatusCode = 404,
        ContentType = "text/html; charset=UTF-8",
        Body = Encoding.UTF8.GetBytes("Not Found"),
    };

    public static FakeGcsResponse Invalid(string message) => Error(400, message, "invalid");

    public static FakeGcsResponse NotImplemented(string what) =>
        Error(400, $"FakeGcsServer does not implement {what}; extend it rather than relying on the real API's behaviour.", "invalid");

    // Reasons and messages of the retryable answers as the status-codes page lists them (408 requestTimeout, 429
    // rateLimitExceeded, 5xx backendError); cloud.google.com/storage/docs/retry-strategy says each is to be retried.
    public static FakeGcsResponse Transient(int code) => code switch
    {
        429 => Error(429, "The object exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate.", "rateLimitExceeded"),
        408 => Error(408, "Request timed out.", "requestTimeout"),
        >= 500 => Error(code, "We encountered an internal error. Please try again.", "backendError"),
        _ => Error(code, $"Injected fault {code}.", "fakeFault"),
    };
}
