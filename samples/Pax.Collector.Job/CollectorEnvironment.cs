using Microsoft.Extensions.DependencyInjection;

namespace Pax.Collector.Job;

/// <summary>What the collector takes from its process: variables, output streams, the clock, whether a person is watching.</summary>
public sealed record CollectorEnvironment
{
    /// <summary>Gets the environment variable reader.</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>Gets standard output (JSON logs for Cloud Logging when not a terminal).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Gets standard error.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets a value indicating whether output goes to a terminal (progress display and summary table instead of JSON logs).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets a hook that adjusts the services after Pax's registrations (tests replace the token provider or the clock here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Gets the environment of the current process.</summary>
    /// <returns>The process's variables and console streams.</returns>
    public static CollectorEnvironment FromProcess() => new()
    {
        GetVariable = Environment.GetEnvironmentVariable,
        Output = System.Console.Out,
        Error = System.Console.Error,
        IsTerminal = !System.Console.IsOutputRedirected,
    };
}
