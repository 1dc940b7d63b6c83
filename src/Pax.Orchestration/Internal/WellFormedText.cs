namespace Pax.Orchestration.Internal;

/// <summary>
/// UTF-16 well-formedness for text that came from outside. A lone surrogate (JSON <c>"\ud800"</c>) is a valid .NET
/// string but not Unicode text: Firestore, the JSON writer and UTF-8 encoders refuse or mangle it, so such text must
/// be rejected (reports) or repaired (what is stored about a rejected delivery) before it reaches a store.
/// </summary>
internal static class WellFormedText
{
    /// <summary>Returns whether <paramref name="text"/> holds no lone surrogate.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => FirstLoneSurrogate(text) < 0;

    /// <summary>Returns <paramref name="text"/> with every lone surrogate replaced by U+FFFD.</summary>
    public static string? Repair(string? text)
    {
        if (text is null || FirstLoneSurrogate(text) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
