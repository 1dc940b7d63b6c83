using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>Literal (<c>|</c>) and folded (<c>&gt;</c>) block scalars: chomping, indentation indicators, folding.</summary>
internal sealed partial class YamlReader
{
    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar whose header is at <paramref name="position"/>.</summary>
    private YamlScalar ReadBlockScalar(int parentIndent, int position)
    {
        var literal = _text[position] == '|';
        var (chomping, explicitIndent) = ReadBlockHeader(position + 1);
        var contentIndent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : -1;
        var lines = new List<YamlLine>();
        var last = ContentLines(parentIndent, ref contentIndent, lines);
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

    /// <summary>The chomping (-1 strip, 0 clip, 1 keep) and indentation indicators after <c>|</c> or <c>&gt;</c>.</summary>
    private (int Chomping, int ExplicitIndent) ReadBlockHeader(int position)
    {
        var chomping = 0;
        var explicitIndent = 0;
        for (var p = position; p < LineEnd; p++)
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

        return (chomping, explicitIndent);
    }

    /// <summary>
    /// Collects the lines of a block scalar after the current line into <paramref name="lines"/> (empty ones included);
    /// finds the content indentation when not given. Returns the index of the last content line, or -1 for none.
    /// </summary>
    private int ContentLines(int parentIndent, ref int contentIndent, List<YamlLine> lines)
    {
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

        return last;
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
}
