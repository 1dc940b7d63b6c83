using System.Text.Json.Serialization;
using Pax.Collection.Selection.Internal;

namespace Pax.Collection.Cameras.Internal;

/// <summary>Source-generated JSON metadata for the camera list and the manifest.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(NyctmcCameraRecord))]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class CameraJsonContext : JsonSerializerContext;
