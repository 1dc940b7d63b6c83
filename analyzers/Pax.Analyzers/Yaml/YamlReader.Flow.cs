using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Flow collections (<c>[a, 'b']</c>, <c>{k: v}</c>), possibly over several lines.</summary>
internal sealed partial class YamlReader
{
    /// <summary>The flow sequence or mapping whose bracket is at <paramref name="position"/>, possibly over several lines.</summary>
    private YamlNode ReadFlow(int position)
    {
        var p = position;
        var node = ReadFlowCollection(ref p);
        _line = LineOf(Math.Max(position, p - 1));
        return node;
    }

    private YamlNode ReadFlowNode(ref int p, bool inMapping)
    {
        p = SkipFlowBlanks(p);
        string? anchor = null;
        while (Peek(p) is '&' or '!')
        {
            var start = p;
            while (p < _text.Length && _text[p] is not (' ' or '\t' or '\r' or '\n' or ',' or ']' or '}'))
            {
                p++;
            }

            if (_text[start] == '&')
            {
                anchor = _text.Substring(start + 1, p - start - 1);
            }

            p = SkipFlowBlanks(p);
        }

        var node = ReadFlowNodeAt(ref p, inMapping);
        Anchor(anchor, node);
        return node;
    }

    private YamlNode ReadFlowNodeAt(ref int p, bool inMapping)
    {
        var c = Peek(p);
        if (c == '*')
        {
            var alias = p;
            while (p < _text.Length && _text[p] is not (' ' or '\t' or '\r' or '\n' or ',' or ']' or '}'))
            {
                p++;
            }

            return Alias(alias, p);
        }

        if (c is '[' or '{')
        {
            return ReadNestedFlowCollection(ref p);
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

    /// <summary>A flow collection inside another: read one level deeper, or as an unknown scalar beyond <see cref="MaxDepth"/>.</summary>
    private YamlNode ReadNestedFlowCollection(ref int p)
    {
        if (_depth >= MaxDepth)
        {
            var start = p;
            p = FlowCollectionEnd(p);
            return Unknown(start, p);
        }

        _depth++;
        try
        {
            return ReadFlowCollection(ref p);
        }
        finally
        {
            _depth--;
        }
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
            if (mapping)
            {
                ReadFlowEntry(ref p, entries);
            }
            else
            {
                items.Add(ReadFlowNode(ref p, inMapping: false));
                p = SkipFlowBlanks(p);
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

    /// <summary>One <c>key: value</c> (or lone <c>key</c>) of a flow mapping.</summary>
    private void ReadFlowEntry(ref int p, List<YamlEntry> entries)
    {
        var key = ReadFlowNode(ref p, inMapping: true);
        p = SkipFlowBlanks(p);
        YamlNode? value = null;
        if (Peek(p) == ':')
        {
            p++;
            value = Peek(SkipFlowBlanks(p)) is ',' or '}' ? null : ReadFlowNode(ref p, inMapping: false);
            p = SkipFlowBlanks(p);
        }

        if (key is YamlScalar scalar)
        {
            entries.Add(new YamlEntry(scalar, value));
        }
    }

    /// <summary>
    /// The offset after the bracket that closes the flow collection opening at <paramref name="position"/> (or the end of
    /// the text), found without reading what is inside: quoted scalars and comments are stepped over.
    /// </summary>
    private int FlowCollectionEnd(int position)
    {
        var depth = 0;
        var p = position;
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}' && --depth == 0)
            {
                return p + 1;
            }
            else if (c is '"' or '\'')
            {
                _line = LineOf(p);
                p = ReadQuoted(p).Span.End;
                continue;
            }
            else if (c == '#' && _text[p - 1] is ' ' or '\t' or '\n')
            {
                p = SkipFlowBlanks(p);
                continue;
            }

            p++;
        }

        return _text.Length;
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
