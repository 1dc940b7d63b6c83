using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// Writes a job's payload as the JSON text it was stored as, without decoding its strings: a payload stored before
/// <c>POST /jobs</c> refused lone surrogates (<c>"\ud800"</c>, valid JSON syntax that System.Text.Json will not decode)
/// is still answered by <c>GET /jobs/{id}</c>, instead of a 500 on every read.
/// </summary>
internal sealed class RawJsonPayloadConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => writer.WriteRawValue(value.GetRawText());
}
