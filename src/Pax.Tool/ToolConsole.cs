namespace Pax.Tool;

/// <summary>What the tool reads from and writes to its process: output streams, environment variables, whether a person is watching.</summary>
/// <param name="Out">Standard output (the report).</param>
/// <param name="Error">Standard error (usage errors, and progress when it is a terminal).</param>
/// <param name="GetVariable">Returns an environment variable's value, or <see langword="null"/>.</param>
/// <param name="IsTerminal">Whether standard output is a terminal (colours and box drawing in the table).</param>
/// <param name="In">Standard input (the <c>--fix</c> confirmation).</param>
internal sealed record ToolConsole(TextWriter Out, TextWriter Error, Func<string, string?> GetVariable, bool IsTerminal, TextReader In)
{
    /// <summary>Gets whether standard error is a terminal: progress is shown there only then.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The process's own console and environment.</summary>
    public static ToolConsole FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected, Console.In) { ErrorIsTerminal = !Console.IsErrorRedirected };
}
