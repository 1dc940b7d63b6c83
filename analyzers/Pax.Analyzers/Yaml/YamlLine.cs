namespace Pax.Analyzers.Yaml;

/// <summary>One line of a YAML file: where it starts and ends and where its content starts.</summary>
internal sealed class YamlLine
{
    /// <summary>Reads the line of <paramref name="text"/> that starts at <paramref name="start"/> and ends before <paramref name="end"/> (its line break).</summary>
    public YamlLine(string text, int start, int end)
    {
        Start = start;
        End = end > start && text[end - 1] == '\r' ? end - 1 : end;
        var content = start;
        while (content < End && text[content] is ' ' or '\t')
        {
            content++;
        }

        ContentStart = content;
        IsEmpty = content == End;
        IsBlank = IsEmpty || text[content] == '#';
    }

    /// <summary>The offset of the line's first character.</summary>
    public int Start { get; }

    /// <summary>The offset after its last character (a <c>\r</c> before the line break excluded).</summary>
    public int End { get; }

    /// <summary>The offset of its first character that is neither a space nor a tab.</summary>
    public int ContentStart { get; }

    /// <summary>The columns before <see cref="ContentStart"/>.</summary>
    public int Indent => ContentStart - Start;

    /// <summary>Whether the line holds only spaces and tabs.</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether the line holds nothing but spaces and, maybe, a comment.</summary>
    public bool IsBlank { get; }
}
