using System.Text;
using System.Text.Json.Nodes;

namespace Pax.Orchestration.Tests.Support;

/// <summary>Push deliveries as Pub/Sub and Eventarc send them.</summary>
public static class PushBodies
{
    public static string Completion(string processor, string runKey, string status = "succeeded", string? phase = "phase2")
    {
        var data = new JsonObject { ["processor"] = processor, ["runKey"] = runKey, ["status"] = status };
        if (phase is not null)
        {
            data["phase"] = phase;
        }

        return data.ToJsonString();
    }

    public static string Wrapped(string data, string messageId, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var message = new JsonObject
        {
            ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(data)),
            ["messageId"] = messageId,
            ["message_id"] = messageId,
            ["publishTime"] = "2026-02-10T05:59:58.123456Z",
            ["publish_time"] = "2026-02-10T05:59:58.123456Z",
        };
        if (attributes is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                map[key] = value;
            }

            message["attributes"] = map;
        }

        return new JsonObject { ["message"] = message, ["subscription"] = "projects/p/subscriptions/orchestrator" }.ToJsonString();
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>An ID token as Cloud Run passes it on: header and claims intact, signature replaced.</summary>
    public static string CloudRunToken(string email, string audience, DateTimeOffset expires, bool emailVerified = true)
    {
        static string Encode(JsonObject json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "k1" };
        var claims = new JsonObject
        {
            ["aud"] = audience,
            ["azp"] = "1234",
            ["email"] = email,
            ["email_verified"] = emailVerified,
            ["iss"] = "https://accounts.google.com",
            ["sub"] = "1234",
            ["iat"] = expires.AddHours(-1).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(claims)}.SIGNATURE_REMOVED_BY_GOOGLE";
    }
}
