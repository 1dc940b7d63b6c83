using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// A heredoc (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>) whose body starts at the next line. A class rather than a
/// <c>KeyValuePair</c>: lists of a reference type run the runtime's shared generic code, with nothing to compile at
/// each build.
/// </summary>
internal sealed class PendingHeredoc
{
    /// <summary>Creates a pending heredoc.</summary>
    public PendingHeredoc(string delimiter, bool stripTabs, bool quoted, bool keepBody)
    {
        Delimiter = delimiter;
        StripTabs = stripTabs;
        Quoted = quoted;
        KeepBody = keepBody;
    }

    /// <summary>The word that ends the body.</summary>
    public string Delimiter { get; }

    /// <summary>Whether leading tabs are removed before comparing a line with <see cref="Delimiter"/> (<c>&lt;&lt;-</c>).</summary>
    public bool StripTabs { get; }

    /// <summary>Whether the delimiter was quoted (<c>&lt;&lt;'EOF'</c>): the body is taken as written, nothing expanded.</summary>
    public bool Quoted { get; }

    /// <summary>Whether the body is kept (<see cref="Body"/>): the command may write it to a file (<c>cat</c>, <c>tee</c>).</summary>
    public bool KeepBody { get; }

    /// <summary>
    /// The body with its variables expanded (unless <see cref="Quoted"/>), mapped to the script; set when the body has
    /// been read and <see cref="KeepBody"/> is set.
    /// </summary>
    public MappedText? Body { get; set; }
}
