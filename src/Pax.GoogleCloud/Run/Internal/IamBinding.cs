using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.GoogleCloud.Run.Internal;

/// <summary>One binding of an IAM policy: a role, its members and an optional condition (kept exactly as read).</summary>
internal sealed class IamBinding
{
    public string? Role { get; set; }

    public List<string>? Members { get; set; }

    public JsonElement? Condition { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; set; }
}
