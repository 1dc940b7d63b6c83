using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Suppression;

/// <summary>
/// The inline suppressions of one deployment file (docs/rules/README.md, "Suppression"):
/// <list type="bullet">
/// <item><c># pax-ignore: PAX001[,PAX002…] reason</c> (also <c>// …</c> in <c>.tf</c>) suppresses the named rules on
/// the next line that is neither a comment nor blank and, when that line starts a block or a multi-line command, on
/// the whole block or command;</item>
/// <item><c># pax-ignore-file: PAX001[,…] reason</c> anywhere in the file suppresses the named rules in the file.</item>
/// </list>
/// Only the named rules are suppressed. A directive is a whole comment line; a comment after code is not one.
/// </summary>
internal sealed class InlineSuppressions
{
    /// <summary>The directive that suppresses on the next line (or block, or command).</summary>
    public const string NextLineDirective = "pax-ignore:";

    /// <summary>The directive that suppresses in the whole file.</summary>
    public const string FileDirective = "pax-ignore-file:";

    /// <summary>No suppression at all.</summary>
    public static readonly InlineSuppressions None = new([], []);

    private readonly HashSet<string> _fileWide;
    private readonly List<(HashSet<string> Ids, TextSpan Span)> _ranges;

    private InlineSuppressions(HashSet<string> fileWide, List<(HashSet<string> Ids, TextSpan Span)> ranges)
    {
        _fileWide = fileWide;
        _ranges = ranges;
    }

    /// <summary>Whether <paramref name="text"/> may hold a directive (a cheap test before <see cref="Read"/>).</summary>
    public static bool MayHaveDirectives(string text) => text.IndexOf("pax-ignore", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// Reads the directives of <paramref name="text"/>. <paramref name="constructEnd"/> gives, for the span of a line,
    /// the end of the longest block or command that starts on it (or the line's own end).
    /// </summary>
    /// <param name="text">The file.</param>
    /// <param name="slashComments">Whether <c>//</c> starts a comment line too (Terraform).</param>
    /// <param name="constructEnd">The end of what starts on a line.</param>
    public static InlineSuppressions Read(SourceText text, bool slashComments, Func<TextSpan, int> constructEnd)
    {
        var fileWide = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new List<(HashSet<string>, TextSpan)>();
        HashSet<string>? pending = null;
        foreach (var line in text.Lines)
        {
            var content = line.ToString().Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var comment = CommentBody(content, slashComments);
            if (comment is null)
            {
                if (pending is not null)
                {
                    var end = Math.Max(line.End, constructEnd(line.Span));
                    ranges.Add((pending, TextSpan.FromBounds(line.Start, end)));
                    pending = null;
                }

                continue;
            }

            if (comment.StartsWith(FileDirective, StringComparison.Ordinal))
            {
                fileWide.UnionWith(RuleIdsOf(comment.Substring(FileDirective.Length)));
            }
            else if (comment.StartsWith(NextLineDirective, StringComparison.Ordinal))
            {
                pending ??= new HashSet<string>(StringComparer.Ordinal);
                pending.UnionWith(RuleIdsOf(comment.Substring(NextLineDirective.Length)));
            }
        }

        return fileWide.Count == 0 && ranges.Count == 0 ? None : new InlineSuppressions(fileWide, ranges);
    }

    /// <summary>Whether <paramref name="diagnostic"/> is suppressed by a directive of this file.</summary>
    public bool IsSuppressed(Diagnostic diagnostic)
    {
        var id = diagnostic.Id;
        if (_fileWide.Contains(id))
        {
            return true;
        }

        var position = diagnostic.Location.SourceSpan.Start;
        foreach (var (ids, span) in _ranges)
        {
            if (ids.Contains(id) && span.Start <= position && position < span.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rule ids at the start of <paramref name="arguments"/>: <c>PAX001,PAX002 reason</c> (spaces around commas allowed).</summary>
    internal static List<string> RuleIdsOf(string arguments)
    {
        var ids = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < arguments.Length && arguments[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            while (i < arguments.Length && char.IsLetterOrDigit(arguments[i]))
            {
                i++;
            }

            if (i == start)
            {
                return ids;
            }

            ids.Add(arguments.Substring(start, i - start).ToUpperInvariant());
            while (i < arguments.Length && arguments[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= arguments.Length || arguments[i] != ',')
            {
                return ids;
            }

            i++;
        }
    }

    private static string? CommentBody(string line, bool slashComments)
    {
        if (line[0] == '#')
        {
            return line.Substring(1).Trim();
        }

        return slashComments && line.StartsWith("//", StringComparison.Ordinal) ? line.Substring(2).Trim() : null;
    }
}
