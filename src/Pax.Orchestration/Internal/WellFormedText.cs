using System.Text;

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

    /// <summary>Returns <paramref name="text"/> with every lone surrogate replaced by U+FFFD (the UTF-8 encoder's replacement fallback does exactly that).</summary>
    public static string? Repair(string? text) =>
        text is null || IsWellFormed(text) ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
