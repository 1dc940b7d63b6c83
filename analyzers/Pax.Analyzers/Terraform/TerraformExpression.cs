using System.Text;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;

using Pax.Analyzers.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>The right-hand side of a Terraform attribute, as written, with what can be worked out at build time.</summary>
internal sealed class TerraformExpression
{
    private const int MaxDepth = 8;

    /// <summary>Creates an expression.</summary>
    public TerraformExpression(string text, TextSpan span)
    {
        Text = text;
        Span = span;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Where it is written.</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// The value: string templates with interpolations resolved by <paramref name="resolve"/> (a reference such as
    /// <c>var.region</c> → its value, or <see langword="null"/> when unknown); what is unknown becomes
    /// <see cref="UnknownText.Marker"/>.
    /// </summary>
    public string Evaluate(Func<string, int, string?> resolve, int depth = 0)
    {
        var text = Text.Trim();
        if (depth > MaxDepth)
        {
            return UnknownText.Value;
        }

        if (IsSingleString(text))
        {
            return EvaluateTemplate(text.Substring(1, text.Length - 2), resolve, depth);
        }

        if (text is "true" or "false" || (text.Length > 0 && char.IsDigit(text[0])))
        {
            return text;
        }

        if (text.StartsWith("<<", StringComparison.Ordinal))
        {
            return UnknownText.Value;
        }

        return TerraformFunctions.Evaluate(text, argument => argument.Evaluate(resolve, depth + 1))
            ?? resolve(text, depth + 1)
            ?? UnknownText.Value;
    }

    /// <summary>The elements of a list expression (<c>[a, "b"]</c>); empty when this is not a list.</summary>
    public IReadOnlyList<TerraformExpression> Elements()
    {
        var text = Text.Trim();
        if (text.Length < 2 || text[0] != '[' || text[text.Length - 1] != ']')
        {
            return [];
        }

        var elements = new List<TerraformExpression>();
        var element = new StringBuilder();
        var depth = 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = SkipString(text, i);
                element.Append(text, i, end - i);
                i = end - 1;
                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                var lineEnd = text.IndexOf('\n', i);
                i = (lineEnd < 0 ? text.Length - 1 : lineEnd) - 1;
                continue;
            }

            if (c == ',' && depth == 0)
            {
                AddElement(elements, element.ToString());
                element.Clear();
                continue;
            }

            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            element.Append(c);
        }

        AddElement(elements, element.ToString());
        return elements;
    }

    /// <summary>
    /// Index just past the string literal that starts at <paramref name="start"/> (a <c>"</c>). Strings inside
    /// interpolations (<c>"${"…"}"</c>) nested deeper than <see cref="ReadLimits.MaxNesting"/> end the string at its line's end.
    /// </summary>
    internal static int SkipString(string text, int start, int nesting = 0)
    {
        if (nesting >= ReadLimits.MaxNesting)
        {
            var newline = text.IndexOf('\n', start);
            return newline < 0 ? text.Length : newline + 1;
        }

        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
            }
            else if (c == '"' || c == '\n')
            {
                return i + 1;
            }
            else if ((c == '$' || c == '%') && i + 1 < text.Length && text[i + 1] == '{')
            {
                i = SkipBraces(text, i + 1, nesting + 1);
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }

    private static int SkipBraces(string text, int open, int nesting)
    {
        var depth = 0;
        var i = open;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i, nesting);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    private void AddElement(List<TerraformExpression> elements, string element)
    {
        if (element.Trim().Length > 0)
        {
            elements.Add(new TerraformExpression(element.Trim(), Span));
        }
    }

    private static bool IsSingleString(string text) =>
        text.Length >= 2 && text[0] == '"' && SkipString(text, 0) == text.Length && text[text.Length - 1] == '"';

    private static string EvaluateTemplate(string template, Func<string, int, string?> resolve, int depth)
    {
        var value = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                var next = template[i + 1];
                value.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                i += 2;
            }
            else if ((c == '$' || c == '%') && i + 2 < template.Length && template[i + 1] == c && template[i + 2] == '{')
            {
                value.Append(c).Append('{');
                i += 3;
            }
            else if ((c == '$' || c == '%') && i + 1 < template.Length && template[i + 1] == '{')
            {
                var end = SkipBraces(template, i + 1, nesting: 0);
                var inner = template.Substring(i + 2, Math.Max(0, end - i - 3)).Trim().TrimStart('~').TrimEnd('~').Trim();
                value.Append(c == '$' ? new TerraformExpression(inner, default).Evaluate(resolve, depth + 1) : UnknownText.Value);
                i = end;
            }
            else
            {
                value.Append(c);
                i++;
            }
        }

        return value.ToString();
    }
}
