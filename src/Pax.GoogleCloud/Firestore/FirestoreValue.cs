using System.Globalization;
using System.Text.Json.Serialization;

namespace Pax.GoogleCloud.Firestore;

/// <summary>
/// A Firestore <c>Value</c> (the REST oneof, cloud.google.com/firestore/docs/reference/rest/v1/Value): exactly one
/// property is set. Integers travel as strings (int64), timestamps as RFC 3339 strings (kept as text so a value read
/// back compares equal to what the server holds). Build values with the factory methods.
/// </summary>
internal sealed class FirestoreValue
{
    /// <summary>Gets or sets the null marker (<c>NULL_VALUE</c>) when the value is null.</summary>
    public string? NullValue { get; set; }

    /// <summary>Gets or sets a boolean value.</summary>
    public bool? BooleanValue { get; set; }

    /// <summary>Gets or sets an int64 value in its JSON string form.</summary>
    public string? IntegerValue { get; set; }

    /// <summary>Gets or sets a double value.</summary>
    public double? DoubleValue { get; set; }

    /// <summary>Gets or sets a timestamp (RFC 3339, UTC).</summary>
    public string? TimestampValue { get; set; }

    /// <summary>Gets or sets a string value.</summary>
    public string? StringValue { get; set; }

    /// <summary>Gets or sets a bytes value (base64).</summary>
    public string? BytesValue { get; set; }

    /// <summary>Gets or sets a reference to a document (<c>projects/…/documents/col/id</c>).</summary>
    public string? ReferenceValue { get; set; }

    /// <summary>Gets or sets an array value.</summary>
    public FirestoreArrayValue? ArrayValue { get; set; }

    /// <summary>Gets or sets a map value.</summary>
    public FirestoreMapValue? MapValue { get; set; }

    /// <summary>Gets a value indicating whether the value is null (the null marker, or nothing set).</summary>
    [JsonIgnore]
    public bool IsNull => BooleanValue is null && IntegerValue is null && DoubleValue is null && TimestampValue is null
        && StringValue is null && BytesValue is null && ReferenceValue is null && ArrayValue is null && MapValue is null;

    /// <summary>Creates a null value.</summary>
    /// <returns>The value.</returns>
    public static FirestoreValue Null() => new() { NullValue = "NULL_VALUE" };

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue String(string value) => new() { StringValue = value };

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Boolean(bool value) => new() { BooleanValue = value };

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Integer(long value) => new() { IntegerValue = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Creates a timestamp value with microsecond precision (Firestore's).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Timestamp(DateTimeOffset value) =>
        new() { TimestampValue = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) };

    /// <summary>Creates a reference value: a document's full name (<c>projects/P/databases/D/documents/…</c>), as a <c>__name__</c> cursor needs.</summary>
    /// <param name="documentName">The document's full name.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Reference(string documentName) => new() { ReferenceValue = documentName };

    /// <summary>Creates a map value.</summary>
    /// <param name="fields">The map's fields.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Map(IDictionary<string, FirestoreValue> fields) =>
        new() { MapValue = new FirestoreMapValue { Fields = new Dictionary<string, FirestoreValue>(fields, StringComparer.Ordinal) } };

    /// <summary>Creates an array value.</summary>
    /// <param name="values">The elements.</param>
    /// <returns>The value.</returns>
    public static FirestoreValue Array(IEnumerable<FirestoreValue> values) => new() { ArrayValue = new FirestoreArrayValue { Values = values.ToList() } };

    /// <summary>Reads the integer, or <see langword="null"/> when the value is not an integer.</summary>
    /// <returns>The integer or <see langword="null"/>.</returns>
    public long? AsInteger() =>
        long.TryParse(IntegerValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Reads the timestamp, or <see langword="null"/> when the value is not a timestamp.</summary>
    /// <returns>The instant or <see langword="null"/>.</returns>
    public DateTimeOffset? AsTimestamp() =>
        TimestampValue is { } text && DateTimeOffset.TryParse(TrimToTicks(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    // .NET parses at most 7 fractional digits; Firestore may send 9.
    private static string TrimToTicks(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }
}
