namespace Pax.Analyzers.Scripts;

/// <summary>
/// A heredoc (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>) whose body starts at the next line. A class rather than a
/// <c>KeyValuePair</c>: lists of a reference type run the runtime's shared generic code, with nothing to compile at
/// each build.
/// </summary>
internal sealed class PendingHeredoc
{
    /// <summary>Creates a pending heredoc.</summary>
    public PendingHeredoc(string delimiter, bool stripTabs)
    {
        Delimiter = delimiter;
        StripTabs = stripTabs;
    }

    /// <summary>The word that ends the body.</summary>
    public string Delimiter { get; }

    /// <summary>Whether leading tabs are removed before comparing a line with <see cref="Delimiter"/> (<c>&lt;&lt;-</c>).</summary>
    public bool StripTabs { get; }
}
