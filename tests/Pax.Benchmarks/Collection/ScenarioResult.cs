using System.Text.Json.Serialization;

namespace Pax.Benchmarks.Collection;

/// <summary>One scenario's measurements (wall, list and fetch times are the warm run's), passed from the scenario process to the driver as one JSON line.</summary>
internal sealed record ScenarioResult(int Cameras, int Concurrency, int Stored, double ColdWallSeconds, double WallSeconds, double ListSeconds, double FetchSeconds, long PeakRssBytes);

/// <summary>Source-generated JSON for benchmark results.</summary>
[JsonSerializable(typeof(ScenarioResult))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
