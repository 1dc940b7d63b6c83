using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Reads a coordinate sent as a JSON number or as a numeric string ("40.7561"), as the NYCTMC API and its clients
/// disagree on the type. Non-finite values and other tokens are rejected. Writes a JSON number.
/// </summary>
internal sealed class FlexibleDoubleConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out value):
                break;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    throw new JsonException($"'{text}' is not a number");
                }

                break;
            default:
                throw new JsonException($"expected a number or a numeric string, found {reader.TokenType}");
        }

        return double.IsFinite(value) ? value : throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is not a finite number");
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
