using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>The commands of a shell script, in order, with variables expanded as far as the script assigns them.</summary>
internal sealed class ShellScript
{
    /// <summary>Creates a script model.</summary>
    public ShellScript(IReadOnlyList<ShellCommand> commands, IReadOnlyList<ShellStatement> statements, string? failure = null)
    {
        Commands = commands;
        Statements = statements;
        Failure = failure;
    }

    /// <summary>Every statement as written, keywords and assignments included, in order.</summary>
    public IReadOnlyList<ShellStatement> Statements { get; }

    /// <summary>The commands (assignments excluded).</summary>
    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>Why reading stopped early, or <see langword="null"/> when the whole file was read.</summary>
    public string? Failure { get; }

    /// <summary>
    /// The end of the longest statement that starts within <paramref name="line"/>, or of the whole block when that
    /// statement opens one (<c>if … fi</c>, <c>for … done</c>, <c>{ … }</c>); the line's end when none starts there.
    /// </summary>
    public int ConstructEnd(TextSpan line)
    {
        var end = line.End;
        var depth = 0;
        for (var i = 0; i < Statements.Count; i++)
        {
            var statement = Statements[i];
            if (statement.Span.Start >= line.End)
            {
                break;
            }

            if (statement.Span.Start >= line.Start)
            {
                end = Math.Max(end, statement.Opens ? BlockEnd(i, depth) : statement.Span.End);
            }

            depth += statement.DepthChange;
        }

        return end;
    }

    /// <summary>
    /// What a <c># pax-ignore:</c> comment before a statement covers, for every statement: from its start to its end, or
    /// to the end of the block it opens.
    /// </summary>
    public IEnumerable<TextSpan> Constructs()
    {
        var depth = 0;
        for (var i = 0; i < Statements.Count; i++)
        {
            var statement = Statements[i];
            yield return TextSpan.FromBounds(statement.Span.Start, statement.Opens ? BlockEnd(i, depth) : statement.Span.End);
            depth += statement.DepthChange;
        }
    }

    private int BlockEnd(int opener, int depthBefore)
    {
        var depth = depthBefore;
        for (var i = opener; i < Statements.Count; i++)
        {
            depth += Statements[i].DepthChange;
            if (depth <= depthBefore)
            {
                return Statements[i].Span.End;
            }
        }

        return Statements[Statements.Count - 1].Span.End;
    }
}
