using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pax.Orchestration.Internal;

/// <summary>
/// Makes text that came from outside (a request, a message, a stored document) safe to put into a log line: control
/// characters cannot start a new line or forge an entry. <c>\n</c>, <c>\r</c>, <c>\t</c>, NUL and the backslash keep a
/// short form (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\0</c>, <c>\\</c>); other C0 and C1 controls, DEL, U+2028/U+2029 and
/// lone surrogates become <c>\uXXXX</c>. Everything else is kept as it is.
/// </summary>
internal static class LogText
{
    /// <summary>Returns <paramref name="value"/> with outside-controlled characters escaped (the same instance when nothing needs it).</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Escape(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var first = FirstUnsafe(value);
        if (first < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16).Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                escaped.Append(c).Append(value[++i]);
            }
            else if (!IsUnsafe(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(c switch
                {
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    '\0' => @"\0",
                    '\\' => @"\\",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                });
            }
        }

        return escaped.ToString();
    }

    private static int FirstUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    // C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), the line and paragraph separators, a surrogate not in a pair, and
    // the backslash (so an escape in the output cannot be mistaken for one in the input).
    private static bool IsUnsafe(char c) => c < ' ' || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' or '\\' || char.IsSurrogate(c);
}
