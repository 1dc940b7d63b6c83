using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.GoogleCloud.Run.Internal;

/// <summary>
/// An IAM policy (<c>google.iam.v1.Policy</c>) as read: Pax edits <see cref="Bindings"/> and sends the rest back as it
/// came (version, etag, and fields it does not model, such as <c>auditConfigs</c>).
/// </summary>
internal sealed class IamPolicy
{
    public int? Version { get; set; }

    public List<IamBinding>? Bindings { get; set; }

    public string? Etag { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; set; }
}
