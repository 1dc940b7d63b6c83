using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>
    /// Gets what makes the log a failure's whole exception goes to, at Debug level, beside the one <c>error: …</c> line
    /// (a programming error keeps its stack there). The process: standard error when
    /// <c>Logging__LogLevel__Default</c> is <c>Debug</c> or <c>Trace</c>, else nowhere. Tests add a collector.
    /// </summary>
    public Func<ILoggerFactory> CreateFailureLog { get; init; } = () => NullLoggerFactory.Instance;

    /// <summary>Gets a hook told the listening addresses once <c>--serve</c> has the endpoints up (tests call them from here).</summary>
    public Action<IReadOnlyCollection<string>>? Serving { get; init; }

    /// <summary>Gets the environment of the current process.</summary>
    /// <returns>The console streams.</returns>
    public static DemoEnvironment FromProcess() => new()
    {
        Output = System.Console.Out,
        Error = System.Console.Error,
        IsTerminal = !System.Console.IsOutputRedirected,
        CreateFailureLog = () => System.Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is { } level
            && (level.Equals("Debug", StringComparison.OrdinalIgnoreCase) || level.Equals("Trace", StringComparison.OrdinalIgnoreCase))
                ? LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
                : NullLoggerFactory.Instance,
    };
}
