using System.Text;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// The Terraform string functions people build URLs with, evaluated on what is known: <c>format</c>, <c>lower</c>,
/// <c>trim</c>, <c>trimsuffix</c>, <c>trimprefix</c>, <c>join</c> (developer.hashicorp.com/terraform/language/functions).
/// Any other function, or a result that depends on an unknown part in a way that cannot be worked out, is unknown
/// (<see cref="UnknownText.Marker"/>): never guessed.
/// </summary>
internal static class TerraformFunctions
{
    /// <summary>
    /// The value of the call <paramref name="text"/> (<c>name(args)</c>), or <see langword="null"/> when it is not a
    /// call; unknown (<see cref="UnknownText.Value"/>) for functions not listed.
    /// </summary>
    public static string? Evaluate(string text, Func<TerraformExpression, string> evaluate)
    {
        var open = text.IndexOf('(');
        if (open <= 0 || text[text.Length - 1] != ')' || !text.Substring(0, open).All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        var arguments = new TerraformExpression("[" + text.Substring(open + 1, text.Length - open - 2) + "]", default).Elements();
        var values = arguments.Select(evaluate).ToList();
        switch (text.Substring(0, open))
        {
            case "lower" when values.Count == 1:
                return values[0].ToLowerInvariant();
            case "trimsuffix" when values.Count == 2 && UnknownText.IsKnown(values[1]):
                return values[0].EndsWith(values[1], StringComparison.Ordinal) ? values[0].Substring(0, values[0].Length - values[1].Length) : values[0];
            case "trimprefix" when values.Count == 2 && UnknownText.IsKnown(values[1]):
                return values[0].StartsWith(values[1], StringComparison.Ordinal) ? values[0].Substring(values[1].Length) : values[0];
            case "trim" when values.Count == 2 && UnknownText.IsKnown(values[1]):
                // Trims any of the characters; an unknown end stays unknown (the marker is never one of them).
                return values[0].Trim(values[1].ToCharArray());
            case "join" when arguments.Count == 2 && UnknownText.IsKnown(values[0]) && arguments[1].Elements() is { Count: > 0 } list:
                return string.Join(values[0], list.Select(evaluate));
            case "format" when values.Count >= 1 && UnknownText.IsKnown(values[0]):
                return Format(values[0], values);
            default:
                return UnknownText.Value;
        }
    }

    private static string Format(string format, List<string> values)
    {
        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                result.Append(format[i]);
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else if (i + 1 < format.Length && format[i + 1] is 's' or 'd' or 'v' && next < values.Count)
            {
                result.Append(values[next++]);
                i++;
            }
            else
            {
                return UnknownText.Value; // widths, precisions, %q, %#v, … are not worked out
            }
        }

        return result.ToString();
    }
}
