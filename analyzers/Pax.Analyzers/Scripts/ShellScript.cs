namespace Pax.Analyzers.Scripts;

/// <summary>The commands of a shell script, in order, with variables expanded as far as the script assigns them.</summary>
internal sealed class ShellScript
{
    /// <summary>Creates a script model.</summary>
    public ShellScript(IReadOnlyList<ShellCommand> commands, string? failure = null)
    {
        Commands = commands;
        Failure = failure;
    }

    /// <summary>The commands (assignments excluded).</summary>
    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>Why reading stopped early, or <see langword="null"/> when the whole file was read.</summary>
    public string? Failure { get; }
}
