using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// One statement of a script as written (keywords included), with the nesting it opens or closes: what a
/// <c># pax-ignore:</c> comment before it covers.
/// </summary>
internal sealed class ShellStatement
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "if", "for", "while", "until", "case", "select", "{" };
    private static readonly HashSet<string> Closers = new(StringComparer.Ordinal) { "fi", "done", "esac", "}" };
    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal) { "then", "else", "elif", "do", "!", "time" };

    private ShellStatement(TextSpan span, int depthChange, bool opens)
    {
        Span = span;
        DepthChange = depthChange;
        Opens = opens;
    }

    /// <summary>From the first word to the end of the last (continuation lines included).</summary>
    public TextSpan Span { get; }

    /// <summary>Blocks opened minus blocks closed by the statement's leading keywords.</summary>
    public int DepthChange { get; }

    /// <summary>Whether a leading keyword opens a block (<c>if</c>, <c>for</c>, <c>while</c>, <c>case</c>, <c>{</c>, …).</summary>
    public bool Opens { get; }

    /// <summary>
    /// The statement made of <paramref name="words"/> (at least one); <paramref name="heredocEnd"/>, when not -1, is the
    /// end of the heredoc bodies read with it (they belong to the statement).
    /// </summary>
    public static ShellStatement From(IReadOnlyList<ShellWord> words, int heredocEnd = -1)
    {
        var change = 0;
        var opens = false;
        foreach (var word in words)
        {
            if (Openers.Contains(word.Value))
            {
                change++;
                opens = true;
            }
            else if (Closers.Contains(word.Value))
            {
                change--;
            }
            else if (!Neutral.Contains(word.Value))
            {
                break;
            }
        }

        var end = Math.Max(words[words.Count - 1].Span.End, heredocEnd);
        return new ShellStatement(TextSpan.FromBounds(words[0].Span.Start, end), change, opens);
    }
}
