using System.Text.Json.Serialization;

namespace Pax.Tool.Doctor.Output;

/// <summary>Source-generated JSON metadata of the report (camelCase, nulls written so every field is always present).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext
{
}
