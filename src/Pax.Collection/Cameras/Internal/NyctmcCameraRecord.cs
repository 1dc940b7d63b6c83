using System.Text.Json.Serialization;

namespace Pax.Collection.Cameras.Internal;

/// <summary>One element of the NYCTMC camera list as it arrives on the wire (every field optional here; checked when mapped).</summary>
internal sealed class NyctmcCameraRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonConverter(typeof(FlexibleDoubleConverter))]
    public double? Latitude { get; set; }

    [JsonConverter(typeof(FlexibleDoubleConverter))]
    public double? Longitude { get; set; }

    public string? Area { get; set; }

    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? IsOnline { get; set; }

    public string? ImageUrl { get; set; }
}
