using System.Text.Json.Serialization;

namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>One entry of the gRPC form's <c>details[]</c>; only <c>google.rpc.ErrorInfo</c> fields are read.</summary>
internal sealed class GoogleErrorDetail
{
    [JsonPropertyName("@type")]
    public string? Type { get; set; }

    public string? Reason { get; set; }

    public string? Domain { get; set; }
}
