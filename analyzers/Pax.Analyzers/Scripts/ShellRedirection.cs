namespace Pax.Analyzers.Scripts;

/// <summary>One redirection of a shell command: <c>&gt; file</c>, <c>&gt;&gt; file</c>, <c>&lt;&lt;EOF</c>, …</summary>
internal sealed class ShellRedirection
{
    /// <summary>Creates a redirection.</summary>
    public ShellRedirection(string @operator, ShellWord? target, PendingHeredoc? heredoc)
    {
        Operator = @operator;
        Target = target;
        Heredoc = heredoc;
    }

    /// <summary>
    /// The operator as written, with the file descriptor it names when that is not standard output or input
    /// (<c>2&gt;</c>): <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;|</c>, <c>&amp;&gt;</c>, <c>&lt;&lt;</c>, <c>&lt;</c>, …
    /// </summary>
    public string Operator { get; }

    /// <summary>The file (or heredoc delimiter), or <see langword="null"/> when none is written.</summary>
    public ShellWord? Target { get; }

    /// <summary>The heredoc, for <c>&lt;&lt;</c> and <c>&lt;&lt;-</c>.</summary>
    public PendingHeredoc? Heredoc { get; }

    /// <summary>Whether the redirection writes standard output to <see cref="Target"/>, replacing the file (<c>&gt;</c>, <c>&gt;|</c>).</summary>
    public bool Replaces => Operator is ">" or ">|" or "&>";

    /// <summary>Whether the redirection appends standard output to <see cref="Target"/> (<c>&gt;&gt;</c>).</summary>
    public bool Appends => Operator is ">>" or "&>>";
}
