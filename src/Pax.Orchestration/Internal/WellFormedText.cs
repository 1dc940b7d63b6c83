using System.Text;
using System.Text.Json;

namespace Pax.Orchestration.Internal;

/// <summary>
/// UTF-16 well-formedness for text that came from outside. A lone surrogate (JSON <c>"\ud800"</c>) is a valid .NET
/// string but not Unicode text: Firestore, the JSON writer and UTF-8 encoders refuse or mangle it, so such text must
/// be rejected (reports) or repaired (what is stored about a rejected delivery) before it reaches a store.
/// </summary>
internal static class WellFormedText
{
    /// <summary>Returns whether <paramref name="text"/> holds no lone surrogate.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        // Almost every field holds no surrogate at all: a vectorised search answers that at once.
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return true;
        }

        for (; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a JSON string value as .NET text, or returns <see langword="false"/> when it holds a lone surrogate: an
    /// escaped <c>"\ud800"</c> is valid JSON syntax, which <see cref="JsonDocument"/> accepts, but System.Text.Json will
    /// not decode it (<see cref="InvalidOperationException"/>). The rule the push intake and <c>POST /jobs</c> share.
    /// </summary>
    public static bool TryGetString(JsonElement value, out string? text) => TryDecode(value.GetString, out text);

    /// <summary>Reads a JSON property name as .NET text, or returns <see langword="false"/> when it holds a lone surrogate (see <see cref="TryGetString"/>).</summary>
    public static bool TryGetName(JsonProperty property, out string? name) => TryDecode(() => property.Name, out name);

    /// <summary>Returns whether every property name and string value in <paramref name="value"/>, at any depth, is well-formed Unicode (<see cref="TryGetString"/>).</summary>
    public static bool IsWellFormed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TryGetString(value, out _),
        JsonValueKind.Array => value.EnumerateArray().All(IsWellFormed),
        JsonValueKind.Object => value.EnumerateObject().All(p => TryGetName(p, out _) && IsWellFormed(p.Value)),
        _ => true,
    };

    /// <summary>Returns <paramref name="text"/> with every lone surrogate replaced by U+FFFD (the UTF-8 encoder's replacement fallback does exactly that).</summary>
    public static string? Repair(string? text) =>
        text is null || IsWellFormed(text) ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static bool TryDecode(Func<string?> read, out string? text)
    {
        try
        {
            text = read();
            return text is null || IsWellFormed(text);
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
