using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Reads a flag sent as the string <c>"true"</c>/<c>"false"</c> (how the NYCTMC API sends <c>isOnline</c>) or as a
/// JSON boolean. Writes the string form, so written files stay readable by clients that compare with <c>"true"</c>.
/// </summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                throw new JsonException($"'{text}' is not \"true\" or \"false\"");
            default:
                throw new JsonException($"expected true/false or \"true\"/\"false\", found {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteStringValue(flag ? "true" : "false");
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
