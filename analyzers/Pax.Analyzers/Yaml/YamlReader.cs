using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>
/// Reads the YAML that CI files use — block mappings and sequences (the compact <c>key:\n- item</c> form included),
/// flow collections (<c>[a, 'b']</c>, <c>{k: v}</c>), plain, quoted and block scalars (<c>|</c>, <c>&gt;</c>, with
/// chomping and indentation indicators), comments, tags (skipped), anchors and aliases (an alias is the node last anchored by its name, shared, not copied;
/// one to no earlier anchor is unknown) — into nodes
/// whose scalars map every character back to the file. Only the first document is read. Dependency-free, and it never
/// throws: a failure ends reading and is reported in <see cref="YamlDocument.Failure"/>.
/// </summary>
internal sealed partial class YamlReader
{
    /// <summary>How many collections deep a document is read; a deeper collection reads as an unknown scalar.</summary>
    internal const int MaxDepth = Text.ReadLimits.MaxNesting;

    private readonly string _text;
    private readonly List<YamlLine> _lines = [];
    private readonly List<TextSpan> _constructs = [];
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private int _line;
    private int _depth;
    private int _endLine;

    private YamlReader(string text)
    {
        _text = text;
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            _lines.Add(new YamlLine(text, start, end));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        _endLine = _lines.Count;
    }

    /// <summary>Reads the first document of <paramref name="text"/>; never throws.</summary>
    public static YamlDocument Read(string text)
    {
        var reader = new YamlReader(text ?? string.Empty);
        try
        {
            return new YamlDocument(reader.ReadDocument(), reader._constructs, null);
        }
#pragma warning disable CA1031 // A reader of outside input never throws past its boundary.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new YamlDocument(null, reader._constructs, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private YamlNode? ReadDocument()
    {
        var first = 0;
        while (first < _lines.Count && (_lines[first].IsBlank || Peek(_lines[first].ContentStart) == '%'))
        {
            first++;
        }

        if (first < _lines.Count && IsDocumentMarker(_lines[first], "---"))
        {
            first++;
        }

        for (var i = first; i < _lines.Count; i++)
        {
            if (IsDocumentMarker(_lines[i], "---") || IsDocumentMarker(_lines[i], "..."))
            {
                _endLine = i;
                break;
            }
        }

        _line = first - 1;
        return ReadBlockValue(-1, compactSequence: false);
    }

    private bool IsDocumentMarker(YamlLine line, string marker) =>
        line.Indent == 0 && string.CompareOrdinal(_text, line.Start, marker, 0, 3) == 0
        && (line.End == line.Start + 3 || Peek(line.Start + 3) is ' ' or '\t');

    private char Peek(int position) => position >= 0 && position < _text.Length ? _text[position] : '\0';

    private int NextContentLine(int from)
    {
        for (var i = Math.Max(from, 0); i < _endLine; i++)
        {
            if (!_lines[i].IsBlank)
            {
                return i;
            }
        }

        return -1;
    }

    private int LineEnd => _lines[_line].End;

    private int LineOf(int position)
    {
        int low = 0, high = _lines.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_lines[middle].Start <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private int Column(int position) => position - _lines[_line].Start;

    /// <summary>Whether only spaces and maybe a comment follow <paramref name="position"/> on the current line.</summary>
    private bool AtLineEnd(int position)
    {
        var p = SkipBlanks(position);
        return p >= LineEnd || _text[p] == '#';
    }

    private int SkipBlanks(int position)
    {
        while (position < LineEnd && _text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private bool IsSequenceEntry(int position) => Peek(position) == '-' && Peek(position + 1) is ' ' or '\t' or '\r' or '\n' or '\0';

    /// <summary>Makes <paramref name="node"/> what later aliases to <paramref name="anchor"/> stand for.</summary>
    private void Anchor(string? anchor, YamlNode? node)
    {
        if (anchor is not null && node is not null)
        {
            _anchors[anchor] = node;
        }
    }

    /// <summary>
    /// The alias <c>*name</c> written from <paramref name="start"/> to <paramref name="end"/>: the node anchored by that
    /// name before it (YAML 1.2 §7.1: an alias refers to the most recent preceding node with that anchor), or an unknown
    /// scalar when there is none.
    /// </summary>
    private YamlNode Alias(int start, int end) =>
        _anchors.TryGetValue(_text.Substring(start + 1, end - start - 1), out var node) ? node : Unknown(start, end, isAlias: true);
}
