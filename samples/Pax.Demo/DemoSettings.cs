namespace Pax.Demo;

/// <summary>The demo's settings: embedded defaults, a few flags.</summary>
public sealed record DemoSettings
{
    /// <summary>The folder the demo writes to by default: <c>./pax-demo</c>.</summary>
    public const string DefaultOut = "./pax-demo";

    /// <summary>Where <c>--serve</c> listens by default: <c>http://127.0.0.1:5090</c> (loopback only; the endpoints run without authentication).</summary>
    public const string DefaultUrls = "http://127.0.0.1:5090";

    /// <summary>Gets the folder for snapshots, reports, the contact sheet and the SQLite tallies.</summary>
    public string Out { get; init; } = DefaultOut;

    /// <summary>Gets an instant in the slot to run, or <see langword="null"/> for the slot of now.</summary>
    public DateTimeOffset? Slot { get; init; }

    /// <summary>Gets a value indicating whether the orchestrator's endpoints stay up after the run, until Ctrl+C.</summary>
    public bool Serve { get; init; }

    /// <summary>Gets where <see cref="Serve"/> listens.</summary>
    public string Urls { get; init; } = DefaultUrls;
}
