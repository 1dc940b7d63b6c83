using System.Buffers;
using System.Text.Json;
using Pax.GoogleCloud.Firestore;

namespace Pax.Orchestration.Scheduling.Stores.Internal;

/// <summary>Converts a job's JSON payload to a Firestore map and back (integers stay integers; timestamps and bytes read back as strings).</summary>
internal static class FirestoreJson
{
    public static FirestoreValue ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FirestoreValue.Map(element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal)),
        JsonValueKind.Array => FirestoreValue.Array(element.EnumerateArray().Select(ToValue)),
        JsonValueKind.String => FirestoreValue.String(element.GetString()!),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? FirestoreValue.Integer(integer) : new FirestoreValue { DoubleValue = element.GetDouble() },
        JsonValueKind.True => FirestoreValue.Boolean(true),
        JsonValueKind.False => FirestoreValue.Boolean(false),
        _ => FirestoreValue.Null(),
    };

    public static JsonElement ToJson(FirestoreValue? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value ?? FirestoreValue.Map(new Dictionary<string, FirestoreValue>()));
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, FirestoreValue value)
    {
        if (value.MapValue is { } map)
        {
            writer.WriteStartObject();
            foreach (var (name, field) in map.Fields ?? [])
            {
                writer.WritePropertyName(name);
                Write(writer, field);
            }

            writer.WriteEndObject();
        }
        else if (value.ArrayValue is { } array)
        {
            writer.WriteStartArray();
            foreach (var item in array.Values ?? [])
            {
                Write(writer, item);
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteScalar(writer, value);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, FirestoreValue value)
    {
        if (value.AsInteger() is { } integer)
        {
            writer.WriteNumberValue(integer);
        }
        else if (value.DoubleValue is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.BooleanValue is { } boolean)
        {
            writer.WriteBooleanValue(boolean);
        }
        else if ((value.StringValue ?? value.TimestampValue ?? value.BytesValue ?? value.ReferenceValue) is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
