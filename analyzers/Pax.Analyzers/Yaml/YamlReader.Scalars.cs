using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Scalars (plain, quoted, block) and flow collections.</summary>
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

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar whose header is at <paramref name="position"/>.</summary>
    private YamlScalar ReadBlockScalar(int parentIndent, int position)
    {
        var literal = _text[position] == '|';
        var chomping = 0;
        var explicitIndent = 0;
        for (var p = position + 1; p < LineEnd; p++)
        {
            var c = _text[p];
            if (c is '-' or '+')
            {
                chomping = c == '-' ? -1 : 1;
            }
            else if (c is >= '1' and <= '9')
            {
                explicitIndent = c - '0';
            }
            else
            {
                break;
            }
        }

        var contentIndent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : -1;
        var lines = new List<YamlLine>();
        var last = -1;
        for (var i = _line + 1; i < _endLine; i++)
        {
            var line = _lines[i];
            if (line.IsEmpty)
            {
                lines.Add(line);
                continue;
            }

            if (contentIndent < 0)
            {
                if (line.Indent <= parentIndent)
                {
                    break;
                }

                contentIndent = line.Indent;
            }

            if (line.Indent < contentIndent)
            {
                break;
            }

            lines.Add(line);
            last = i;
        }

        var builder = new MappedText.Builder();
        var end = LineEnd;
        if (last >= 0)
        {
            end = _lines[last].End;
            var trailing = CountTrailingEmpty(lines);
            lines.RemoveRange(lines.Count - trailing, trailing);
            AppendBlockLines(builder, lines, contentIndent, literal);
            if (chomping >= 0)
            {
                builder.Append('\n', end);
            }

            _line = last;
        }

        return new YamlScalar(TextSpan.FromBounds(position, end), builder.Build(end));
    }

    private static int CountTrailingEmpty(List<YamlLine> lines)
    {
        var count = 0;
        for (var i = lines.Count - 1; i >= 0 && lines[i].IsEmpty; i--)
        {
            count++;
        }

        return count;
    }

    private void AppendBlockLines(MappedText.Builder builder, List<YamlLine> lines, int contentIndent, bool literal)
    {
        var previous = (YamlLine?)null;
        var empties = 0;
        foreach (var line in lines)
        {
            if (line.IsEmpty)
            {
                empties++;
                continue;
            }

            if (previous is not null)
            {
                var moreIndented = line.Indent > contentIndent || previous.Indent > contentIndent;
                var breaks = literal || moreIndented ? empties + 1 : empties;
                if (breaks == 0)
                {
                    builder.Append(' ', previous.End);
                }

                for (var i = 0; i < breaks; i++)
                {
                    builder.Append('\n', previous.End);
                }
            }
            else
            {
                for (var i = 0; i < empties; i++)
                {
                    builder.Append('\n', line.Start);
                }
            }

            Append(builder, line.Start + contentIndent, line.End);
            previous = line;
            empties = 0;
        }
    }

    /// <summary>A flow sequence or mapping starting at <paramref name="position"/>, possibly over several lines.</summary>
    private YamlNode ReadFlow(int position)
    {
        var p = position;
        var node = ReadFlowNode(ref p, inMapping: false);
        _line = LineOf(Math.Max(position, p - 1));
        return node;
    }

    private YamlNode ReadFlowNode(ref int p, bool inMapping)
    {
        p = SkipFlowBlanks(p);
        var c = Peek(p);
        if (c is '[' or '{')
        {
            return ReadFlowCollection(ref p);
        }

        if (c is '"' or '\'')
        {
            _line = LineOf(p);
            var quoted = ReadQuoted(p);
            p = quoted.Span.End;
            return quoted;
        }

        var start = p;
        while (p < _text.Length)
        {
            c = _text[p];
            if (c is ',' or ']' or '}' or '\n' or '\r'
                || (c == ':' && (inMapping || Peek(p + 1) is ' ' or ',' or ']' or '}'))
                || (c == '#' && p > start && _text[p - 1] is ' ' or '\t'))
            {
                break;
            }

            p++;
        }

        var end = p;
        while (end > start && _text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return new YamlScalar(TextSpan.FromBounds(start, end), MappedText.Slice(_text, start, end));
    }

    private YamlNode ReadFlowCollection(ref int p)
    {
        var start = p;
        var mapping = _text[p] == '{';
        var close = mapping ? '}' : ']';
        var items = new List<YamlNode?>();
        var entries = new List<YamlEntry>();
        p++;
        while (true)
        {
            p = SkipFlowBlanks(p);
            if (p >= _text.Length || _text[p] == close)
            {
                p = Math.Min(p + 1, _text.Length);
                break;
            }

            var itemStart = p;
            var node = ReadFlowNode(ref p, mapping);
            p = SkipFlowBlanks(p);
            if (mapping)
            {
                YamlNode? value = null;
                if (Peek(p) == ':')
                {
                    p++;
                    value = Peek(SkipFlowBlanks(p)) is ',' or '}' ? null : ReadFlowNode(ref p, inMapping: false);
                    p = SkipFlowBlanks(p);
                }

                if (node is YamlScalar key)
                {
                    entries.Add(new YamlEntry(key, value));
                }
            }
            else
            {
                items.Add(node);
            }

            _constructs.Add(TextSpan.FromBounds(itemStart, Math.Max(itemStart, p)));
            if (Peek(p) == ',')
            {
                p++;
            }
            else if (Peek(p) != close && p == itemStart)
            {
                p++; // not YAML: step over it rather than loop
            }
        }

        var span = TextSpan.FromBounds(start, p);
        return mapping ? new YamlMapping(span, entries) : new YamlSequence(span, items);
    }

    private int SkipFlowBlanks(int p)
    {
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                p++;
            }
            else if (c == '#' && (p == 0 || _text[p - 1] is ' ' or '\t' or '\n'))
            {
                while (p < _text.Length && _text[p] != '\n')
                {
                    p++;
                }
            }
            else
            {
                break;
            }
        }

        return p;
    }
}
