using System.Text.Json.Serialization;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Selection.Internal;

/// <summary>One manifest camera: <c>{"number","id","name","latitude","longitude","area","isOnline"}</c>.</summary>
internal sealed class ManifestCameraRecord
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Number { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonConverter(typeof(FlexibleDoubleConverter))]
    public double? Latitude { get; set; }

    [JsonConverter(typeof(FlexibleDoubleConverter))]
    public double? Longitude { get; set; }

    public string? Area { get; set; }

    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? IsOnline { get; set; }
}
