using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Block collections: mappings (<c>key: value</c>) and sequences (<c>- item</c>), and what starts a node.</summary>
internal sealed partial class YamlReader
{
    /// <summary>The node on the lines after the current one, indented more than <paramref name="parentIndent"/>.</summary>
    private YamlNode? ReadBlockValue(int parentIndent, bool compactSequence)
    {
        var next = ValueLine(parentIndent, compactSequence);
        if (next < 0)
        {
            return null;
        }

        _line = next;
        return ReadNode(parentIndent, _lines[next].ContentStart, allowMapping: true);
    }

    /// <summary>
    /// The line after the current one on which a value of a node indented at <paramref name="parentIndent"/> starts (more
    /// indented, or a <c>- </c> entry at the same indentation when <paramref name="compactSequence"/>), or -1.
    /// </summary>
    private int ValueLine(int parentIndent, bool compactSequence)
    {
        var next = NextContentLine(_line + 1);
        if (next < 0)
        {
            return -1;
        }

        var line = _lines[next];
        return line.Indent > parentIndent || (compactSequence && line.Indent == parentIndent && IsSequenceEntry(line.ContentStart)) ? next : -1;
    }

    /// <summary>
    /// Reads the node that starts at <paramref name="position"/> on the current line (or, when only properties are left
    /// there, on the lines after it). A collection deeper than <see cref="MaxDepth"/> reads as an unknown scalar.
    /// </summary>
    private YamlNode? ReadNode(int parentIndent, int position, bool allowMapping)
    {
        string? anchor = null;
        position = SkipProperties(position, ref anchor);
        while (AtLineEnd(position))
        {
            // Properties alone on a line (`key: &anchor`) belong to the node on the next lines: a loop, not a call, so a
            // file of such lines cannot deepen the stack.
            var next = ValueLine(parentIndent, compactSequence: true);
            if (next < 0)
            {
                return null;
            }

            _line = next;
            position = SkipProperties(_lines[next].ContentStart, ref anchor);
            allowMapping = true;
        }

        var node = ReadNodeAt(parentIndent, position, allowMapping);
        Anchor(anchor, node);
        return node;
    }

    /// <summary>Reads the node that starts at <paramref name="position"/>, past its properties.</summary>
    private YamlNode ReadNodeAt(int parentIndent, int position, bool allowMapping)
    {
        var c = _text[position];
        var sequence = IsSequenceEntry(position);
        var mapping = !sequence && allowMapping && KeyEnd(position) >= 0;
        if (sequence || mapping || c is '[' or '{')
        {
            return ReadCollection(parentIndent, position, sequence, mapping);
        }

        if (c is '|' or '>')
        {
            return ReadBlockScalar(parentIndent, position);
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

            return Alias(position, end);
        }

        return ReadPlain(parentIndent, position);
    }

    /// <summary>A block sequence, block mapping or flow collection one level deeper than the current one.</summary>
    private YamlNode ReadCollection(int parentIndent, int position, bool sequence, bool mapping)
    {
        if (_depth >= MaxDepth)
        {
            return SkipTooDeep(parentIndent, position);
        }

        _depth++;
        try
        {
            return sequence ? ReadBlockSequence(Column(position), position)
                : mapping ? ReadBlockMapping(Column(position), position)
                : ReadFlow(position);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// A collection too deep to read: the rest of its line and the lines indented more than <paramref name="parentIndent"/>
    /// after it (a flow collection's text up to its closing bracket), as one unknown scalar.
    /// </summary>
    private YamlScalar SkipTooDeep(int parentIndent, int position)
    {
        var end = LineEnd;
        if (_text[position] is '[' or '{')
        {
            end = FlowCollectionEnd(position);
            _line = LineOf(Math.Max(position, end - 1));
        }
        else
        {
            for (var next = NextContentLine(_line + 1); next >= 0 && _lines[next].Indent > parentIndent; next = NextContentLine(next + 1))
            {
                _line = next;
                end = _lines[next].End;
            }
        }

        return Unknown(position, end);
    }

    /// <summary>An unknown scalar written from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static YamlScalar Unknown(int start, int end, bool isAlias = false) =>
        new(TextSpan.FromBounds(start, end), new Text.MappedText.Builder().Append(Deployment.UnknownText.Value, start, end).Build(end), isAlias);

    /// <summary>Skips anchors (<c>&amp;name</c>, the last one kept in <paramref name="anchor"/>) and tags (<c>!tag</c>) before a node.</summary>
    private int SkipProperties(int position, ref string? anchor)
    {
        position = SkipBlanks(position);
        while (Peek(position) is '&' or '!')
        {
            var start = position;
            while (position < LineEnd && _text[position] is not (' ' or '\t'))
            {
                position++;
            }

            if (_text[start] == '&')
            {
                anchor = _text.Substring(start + 1, position - start - 1);
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
