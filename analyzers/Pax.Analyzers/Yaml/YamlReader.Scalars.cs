using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Plain and quoted scalars.</summary>
internal sealed partial class YamlReader
{
    /// <summary>A plain scalar: the rest of the line (a comment excluded) and the more indented lines after it, folded.</summary>
    private YamlScalar ReadPlain(int parentIndent, int position)
    {
        var builder = new MappedText.Builder();
        var end = PlainLineEnd(position, LineEnd);
        Append(builder, position, end);
        var breaks = 0;
        for (var i = _line + 1; i < _endLine; i++)
        {
            var line = _lines[i];
            if (line.IsEmpty)
            {
                breaks++;
                continue;
            }

            if (line.IsBlank || line.Indent <= parentIndent)
            {
                break;
            }

            if (breaks == 0)
            {
                builder.Append(' ', line.Start - 1);
            }

            for (; breaks > 0; breaks--)
            {
                builder.Append('\n', line.Start - 1);
            }

            end = PlainLineEnd(line.ContentStart, line.End);
            Append(builder, line.ContentStart, end);
            _line = i;
        }

        return new YamlScalar(TextSpan.FromBounds(position, end), builder.Build(end));
    }

    /// <summary>The end of a plain scalar's text on a line: before a comment, trailing blanks trimmed.</summary>
    private int PlainLineEnd(int position, int lineEnd)
    {
        var end = position;
        while (end < lineEnd && !(_text[end] == '#' && end > position && _text[end - 1] is ' ' or '\t'))
        {
            end++;
        }

        while (end > position && _text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    private void Append(MappedText.Builder builder, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            builder.Append(_text[i], i);
        }
    }

    /// <summary>The offset after the closing quote of a quoted scalar that ends on the current line, or -1.</summary>
    private int QuotedEnd(int position)
    {
        var quote = _text[position];
        for (var p = position + 1; p < LineEnd; p++)
        {
            if (quote == '"' && _text[p] == '\\')
            {
                p++;
            }
            else if (_text[p] == quote)
            {
                if (quote == '\'' && Peek(p + 1) == '\'')
                {
                    p++;
                    continue;
                }

                return p + 1;
            }
        }

        return -1;
    }

    /// <summary>A single- or double-quoted scalar, possibly over several lines (line breaks folded, escapes resolved).</summary>
    private YamlScalar ReadQuoted(int position)
    {
        var quote = _text[position];
        var builder = new MappedText.Builder();
        var p = position + 1;
        var end = _text.Length;
        var trailingBlanks = 0;
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c == quote && !(quote == '\'' && Peek(p + 1) == '\''))
            {
                end = p + 1;
                break;
            }

            if (c == '\'' && quote == '\'')
            {
                builder.Append('\'', p);
                trailingBlanks = 0;
                p += 2;
            }
            else if (c == '\\' && quote == '"')
            {
                p = ReadEscape(builder, p);
                trailingBlanks = 0;
            }
            else if (c is '\n' or '\r')
            {
                builder.RemoveLast(trailingBlanks);
                trailingBlanks = 0;
                p = FoldLineBreaks(builder, p);
            }
            else
            {
                builder.Append(c, p);
                trailingBlanks = c is ' ' or '\t' ? trailingBlanks + 1 : 0;
                p++;
            }
        }

        _line = LineOf(Math.Max(position, end - 1));
        return new YamlScalar(TextSpan.FromBounds(position, end), builder.Build(Math.Max(position, end - 1)));
    }

    /// <summary>Folds the line break at <paramref name="position"/> and the empty lines after it; returns the next content.</summary>
    private int FoldLineBreaks(MappedText.Builder builder, int position)
    {
        var breaks = 0;
        var p = position;
        while (p < _text.Length)
        {
            if (_text[p] == '\r')
            {
                p++;
                continue;
            }

            if (_text[p] != '\n')
            {
                break;
            }

            breaks++;
            p++;
            while (p < _text.Length && _text[p] is ' ' or '\t')
            {
                p++;
            }
        }

        if (breaks == 1)
        {
            builder.Append(' ', position);
        }

        for (var i = 1; i < breaks; i++)
        {
            builder.Append('\n', position);
        }

        return p;
    }

    /// <summary>Reads the escape at <paramref name="position"/> of a double-quoted scalar; returns the offset after it.</summary>
    private int ReadEscape(MappedText.Builder builder, int position)
    {
        var next = Peek(position + 1);
        if (next is '\n' or '\r')
        {
            var p = position + 1;
            while (p < _text.Length && _text[p] is '\r' or '\n')
            {
                p++;
                if (_text[p - 1] == '\n')
                {
                    break;
                }
            }

            while (p < _text.Length && _text[p] is ' ' or '\t')
            {
                p++;
            }

            return p;
        }

        var length = next switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (length > 0)
        {
            var hex = position + 2 + length <= _text.Length ? _text.Substring(position + 2, length) : string.Empty;
            if (int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 0x10FFFF)
            {
                builder.Append(char.ConvertFromUtf32(code), position, position + 2 + length);
                return position + 2 + length;
            }
        }

        var value = next switch
        {
            'n' => '\n',
            't' or '\t' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            'e' => '\u001b',
            'f' => '\f',
            'v' => '\v',
            '_' => '\u00a0',
            'N' => '\u0085',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => next,
        };
        builder.Append(value, position);
        return position + 2;
    }
}
