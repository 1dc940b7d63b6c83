using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Collection.Selection.Internal;

/// <summary>The seed's <c>metadata.corridor</c>: a boundary description and its corners (kept as written).</summary>
internal sealed class ManifestCorridor
{
    [JsonPropertyName("boundary")]
    public string? Boundary { get; set; }

    [JsonPropertyName("corners")]
    public JsonElement? Corners { get; set; }
}
