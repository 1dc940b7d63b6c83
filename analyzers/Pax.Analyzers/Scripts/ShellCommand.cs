namespace Pax.Analyzers.Scripts;

/// <summary>One simple command of a shell script (words between separators such as newline, <c>;</c>, <c>&amp;&amp;</c>, <c>|</c>).</summary>
internal sealed class ShellCommand
{
    /// <summary>Creates a command.</summary>
    public ShellCommand(IReadOnlyList<ShellWord> words, IReadOnlyList<ShellRedirection>? redirections = null)
    {
        Words = words;
        Redirections = redirections ?? [];
    }

    /// <summary>The words, redirections and heredoc bodies left out.</summary>
    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary>The redirections, in order.</summary>
    public IReadOnlyList<ShellRedirection> Redirections { get; }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Words.Select(word => word.Value));
}
