namespace Pax.Demo;

/// <summary>What the demo takes from its process: output streams, the clock, and a hook for tests.</summary>
public sealed record DemoEnvironment
{
    /// <summary>Gets standard output (the summary).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Gets standard error (one <c>error: …</c> line when the demo cannot run).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets a value indicating whether output goes to a terminal (colours and links in the summary).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets a hook that adjusts the services after the demo's registrations (tests add a log collector here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Gets a hook told the listening addresses once <c>--serve</c> has the endpoints up (tests call them from here).</summary>
    public Action<IReadOnlyCollection<string>>? Serving { get; init; }

    /// <summary>Gets the environment of the current process.</summary>
    /// <returns>The console streams.</returns>
    public static DemoEnvironment FromProcess() => new()
    {
        Output = System.Console.Out,
        Error = System.Console.Error,
        IsTerminal = !System.Console.IsOutputRedirected,
    };
}
