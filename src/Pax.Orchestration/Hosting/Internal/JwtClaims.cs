using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>The claims read from a token's payload without checking its signature (Cloud Run checked it).</summary>
internal sealed class JwtClaims
{
    [JsonPropertyName("aud")]
    public JsonElement Audience { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("email_verified")]
    public JsonElement EmailVerified { get; set; }

    [JsonPropertyName("iss")]
    public string? Issuer { get; set; }

    [JsonPropertyName("exp")]
    public long? Expiry { get; set; }

    public IReadOnlyList<string> Audiences() => Audience.ValueKind switch
    {
        JsonValueKind.String => [Audience.GetString()!],
        JsonValueKind.Array => Audience.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
        _ => [],
    };

    public bool IsEmailVerified() =>
        EmailVerified.ValueKind == JsonValueKind.True
        || (EmailVerified.ValueKind == JsonValueKind.String && EmailVerified.GetString() == "true");
}
