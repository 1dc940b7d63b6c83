using System.Text.Json.Serialization;

namespace Pax.Collection.Selection.Internal;

/// <summary>The manifest's <c>metadata</c> object. The seed wrote <c>total_cameras</c>, <c>corridor</c> and <c>generated_at</c>; Pax adds <c>area</c>, <c>source</c> and <c>generator</c>.</summary>
internal sealed class ManifestMetadata
{
    [JsonPropertyName("total_cameras")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? TotalCameras { get; set; }

    [JsonPropertyName("area")]
    public string? Area { get; set; }

    [JsonPropertyName("corridor")]
    public ManifestCorridor? Corridor { get; set; }

    [JsonPropertyName("generated_at")]
    public string? GeneratedAt { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("generator")]
    public string? Generator { get; set; }
}
