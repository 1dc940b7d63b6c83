using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Block collections: mappings (<c>key: value</c>) and sequences (<c>- item</c>), and what starts a node.</summary>
internal sealed partial class YamlReader
{
    /// <summary>The node on the lines after the current one, indented more than <paramref name="parentIndent"/>.</summary>
    private YamlNode? ReadBlockValue(int parentIndent, bool compactSequence)
    {
        var next = NextContentLine(_line + 1);
        if (next < 0)
        {
            return null;
        }

        var line = _lines[next];
        if (line.Indent > parentIndent || (compactSequence && line.Indent == parentIndent && IsSequenceEntry(line.ContentStart)))
        {
            _line = next;
            return ReadNode(parentIndent, line.ContentStart, allowMapping: true);
        }

        return null;
    }

    /// <summary>Reads the node that starts at <paramref name="position"/> on the current line.</summary>
    private YamlNode? ReadNode(int parentIndent, int position, bool allowMapping)
    {
        position = SkipProperties(position);
        if (AtLineEnd(position))
        {
            return ReadBlockValue(parentIndent, compactSequence: true);
        }

        var c = _text[position];
        if (IsSequenceEntry(position))
        {
            return ReadBlockSequence(Column(position), position);
        }

        if (c is '|' or '>')
        {
            return ReadBlockScalar(parentIndent, position);
        }

        if (allowMapping && KeyEnd(position) >= 0)
        {
            return ReadBlockMapping(Column(position), position);
        }

        if (c is '[' or '{')
        {
            return ReadFlow(position);
        }

        if (c is '"' or '\'')
        {
            return ReadQuoted(position);
        }

        if (c == '*')
        {
            var end = position;
            while (end < LineEnd && _text[end] is not (' ' or '\t'))
            {
                end++;
            }

            return new YamlScalar(TextSpan.FromBounds(position, end), new Text.MappedText.Builder().Append(Deployment.UnknownText.Value, position, end).Build(end), isAlias: true);
        }

        return ReadPlain(parentIndent, position);
    }

    /// <summary>Skips anchors (<c>&amp;name</c>) and tags (<c>!tag</c>) before a node.</summary>
    private int SkipProperties(int position)
    {
        position = SkipBlanks(position);
        while (Peek(position) is '&' or '!')
        {
            while (position < LineEnd && _text[position] is not (' ' or '\t'))
            {
                position++;
            }

            position = SkipBlanks(position);
        }

        return position;
    }

    /// <summary>The offset of the <c>:</c> that ends a block mapping key starting at <paramref name="position"/>, or -1.</summary>
    private int KeyEnd(int position)
    {
        var c = Peek(position);
        var p = position;
        if (c is '"' or '\'')
        {
            p = QuotedEnd(position);
            if (p < 0)
            {
                return -1;
            }

            p = SkipBlanks(p);
            return Peek(p) == ':' && (p + 1 >= LineEnd || _text[p + 1] is ' ' or '\t') ? p : -1;
        }

        if (c is '[' or '{' or '#' or '|' or '>' or '%' or '@' or '`' || IsSequenceEntry(position))
        {
            return -1;
        }

        for (; p < LineEnd; p++)
        {
            if (_text[p] == ':' && (p + 1 >= LineEnd || _text[p + 1] is ' ' or '\t'))
            {
                return p;
            }

            if (_text[p] == '#' && p > position && _text[p - 1] is ' ' or '\t')
            {
                return -1;
            }
        }

        return -1;
    }

    private YamlMapping ReadBlockMapping(int indent, int position)
    {
        var entries = new List<YamlEntry>();
        var start = position;
        var end = position;
        while (true)
        {
            var keyEnd = KeyEnd(position);
            var key = Peek(position) is '"' or '\'' ? ReadQuoted(position) : PlainKey(position, keyEnd);
            var after = keyEnd + 1;
            var value = AtLineEnd(after) ? ReadBlockValue(indent, compactSequence: true) : ReadNode(indent, SkipBlanks(after), allowMapping: false);
            end = Math.Max(keyEnd + 1, value?.Span.End ?? 0);
            entries.Add(new YamlEntry(key, value));
            _constructs.Add(TextSpan.FromBounds(position, end));
            var next = NextContentLine(_line + 1);
            if (next < 0 || _lines[next].Indent != indent || KeyEnd(_lines[next].ContentStart, next) < 0)
            {
                break;
            }

            _line = next;
            position = _lines[next].ContentStart;
        }

        return new YamlMapping(TextSpan.FromBounds(start, end), entries);
    }

    private int KeyEnd(int position, int line)
    {
        var current = _line;
        _line = line;
        try
        {
            return KeyEnd(position);
        }
        finally
        {
            _line = current;
        }
    }

    private YamlScalar PlainKey(int start, int keyEnd)
    {
        var end = keyEnd;
        while (end > start && _text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return new YamlScalar(TextSpan.FromBounds(start, end), Text.MappedText.Slice(_text, start, end));
    }

    private YamlSequence ReadBlockSequence(int indent, int position)
    {
        var items = new List<YamlNode?>();
        var start = position;
        var end = position + 1;
        while (true)
        {
            var after = position + 1;
            var item = AtLineEnd(after) ? ReadBlockValue(indent, compactSequence: false) : ReadNode(indent, SkipBlanks(after), allowMapping: true);
            end = Math.Max(position + 1, item?.Span.End ?? 0);
            items.Add(item);
            _constructs.Add(TextSpan.FromBounds(position, end));
            var next = NextContentLine(_line + 1);
            if (next < 0 || _lines[next].Indent != indent || !IsSequenceEntry(_lines[next].ContentStart))
            {
                break;
            }

            _line = next;
            position = _lines[next].ContentStart;
        }

        return new YamlSequence(TextSpan.FromBounds(start, end), items);
    }
}
