using System.Text.Json.Serialization;

namespace Pax.Benchmarks.Collection;

/// <summary>One scenario's measurements (wall, list and fetch times are the warm run's; the cold run's have Cold in their name), passed from the scenario process to the driver as one JSON line.</summary>
internal sealed record ScenarioResult(int Cameras, int Concurrency, int Stored, double ColdWallSeconds, double WallSeconds, double ListSeconds, double FetchSeconds, long PeakRssBytes)
{
    public double ColdListSeconds { get; init; }

    public double ColdFetchSeconds { get; init; }
}

/// <summary>Source-generated JSON for benchmark results.</summary>
[JsonSerializable(typeof(ScenarioResult))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
