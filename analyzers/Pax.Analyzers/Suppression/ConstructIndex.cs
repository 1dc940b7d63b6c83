using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Suppression;

/// <summary>
/// The constructs of a file that a <c># pax-ignore:</c> comment can cover — YAML mapping entries and sequence items,
/// the shell statements and blocks of the scripts inside — by where they start.
/// </summary>
internal sealed class ConstructIndex
{
    private readonly List<TextSpan> _spans = [];

    /// <summary>Adds a construct.</summary>
    public void Add(TextSpan span) => _spans.Add(span);

    /// <summary>Adds constructs.</summary>
    public void AddRange(IEnumerable<TextSpan> spans) => _spans.AddRange(spans);

    /// <summary>The end of the longest construct that starts within <paramref name="line"/>, or the line's end.</summary>
    public int End(TextSpan line)
    {
        var end = line.End;
        foreach (var span in _spans)
        {
            if (span.Start >= line.Start && span.Start < line.End)
            {
                end = Math.Max(end, span.End);
            }
        }

        return end;
    }
}
