using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// A heredoc (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>) whose body starts at the next line. A class rather than a
/// <c>KeyValuePair</c>: lists of a reference type run the runtime's shared generic code, with nothing to compile at
/// each build.
/// </summary>
internal sealed class PendingHeredoc
{
    private readonly string? _writer;
    private readonly IReadOnlyList<ShellRedirection> _redirections;

    /// <summary>Creates a pending heredoc.</summary>
    /// <param name="delimiter">The word that ends the body.</param>
    /// <param name="stripTabs">Whether the operator was <c>&lt;&lt;-</c>.</param>
    /// <param name="quoted">Whether the delimiter was quoted.</param>
    /// <param name="writer"><c>cat</c> or <c>tee</c> when the command is one of them, else <see langword="null"/>.</param>
    /// <param name="redirections">The command's redirections (complete once its line is read).</param>
    public PendingHeredoc(string delimiter, bool stripTabs, bool quoted, string? writer, IReadOnlyList<ShellRedirection> redirections)
    {
        Delimiter = delimiter;
        StripTabs = stripTabs;
        Quoted = quoted;
        _writer = writer;
        _redirections = redirections;
    }

    /// <summary>The word that ends the body.</summary>
    public string Delimiter { get; }

    /// <summary>Whether leading tabs are removed before comparing a line with <see cref="Delimiter"/> (<c>&lt;&lt;-</c>).</summary>
    public bool StripTabs { get; }

    /// <summary>Whether the delimiter was quoted (<c>&lt;&lt;'EOF'</c>): the body is taken as written, nothing expanded.</summary>
    public bool Quoted { get; }

    /// <summary>
    /// Whether the body is kept (<see cref="Body"/>): the command may write it to a file (<c>tee FILE</c>, or <c>cat</c>
    /// with its output redirected; a <c>cat &lt;&lt;EOF</c> that prints a message is skipped like any other heredoc).
    /// </summary>
    public bool KeepBody => _writer == "tee" || (_writer == "cat" && _redirections.Any(r => r.Replaces || r.Appends));

    /// <summary>
    /// The body with its variables expanded (unless <see cref="Quoted"/>), mapped to the script; set when the body has
    /// been read and <see cref="KeepBody"/> is set.
    /// </summary>
    public MappedText? Body { get; set; }
}
