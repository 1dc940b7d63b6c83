using System.Text.Json.Serialization;

namespace Pax.CameraSimulator.Internal;

/// <summary>Source-generated JSON metadata for the served camera list.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<SimulatedCameraRecord>))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
