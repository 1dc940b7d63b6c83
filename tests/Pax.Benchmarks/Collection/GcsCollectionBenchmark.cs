using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pax.TestSupport.Gcs;

namespace Pax.Benchmarks.Collection;

/// <summary>
/// The collector into Cloud Storage: N cameras at concurrency C from the camera simulator (latency L per image, its own
/// process) into the loopback Cloud Storage server hosted here (a fixed latency per request), each build in a fresh
/// collector process (<see cref="GcsCollectionScenario"/>), one after the other: "before" is a build of the benchmark
/// from another commit (<c>--before path/to/Pax.Benchmarks.dll</c>), "after" is this one. Prints wall time against the
/// ideal ⌈N/C⌉·L, the HTTP requests Cloud Storage received per stored snapshot, and the collector's peak RSS.
/// <c>--upload-concurrency U</c> sets the "after" build's upload bound (the default is the option's default).
/// </summary>
internal static class GcsCollectionBenchmark
{
    private const string Bucket = "pax-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var cameras = BenchmarkArguments.Int(args, "--cameras", 2000);
        var concurrency = BenchmarkArguments.Int(args, "--concurrency", 64);
        var latencyMs = BenchmarkArguments.Int(args, "--latency-ms", 250);
        var storageLatencyMs = BenchmarkArguments.Int(args, "--storage-latency-ms", 20);
        var before = BenchmarkArguments.Text(args, "--before", string.Empty);
        var uploadBound = BenchmarkArguments.Text(args, "--upload-concurrency", string.Empty);
        var builds = new List<(string Name, string Dll)>();
        if (before.Length > 0)
        {
            builds.Add(("before", Path.GetFullPath(before)));
        }

        builds.Add(("after", typeof(GcsCollectionBenchmark).Assembly.Location));
        var port = CollectionBenchmark.FreePort();
        using var simulator = await CollectionBenchmark.StartSimulatorAsync(port, cameras, latencyMs);
        var rows = new List<string>();
        try
        {
            foreach (var (name, dll) in builds)
            {
                var label = name == "after" && uploadBound.Length > 0 ? $"after, upload concurrency {uploadBound}" : name;
                rows.Add(await RunBuildAsync(label, dll, $"http://127.0.0.1:{port}", cameras, concurrency, latencyMs, storageLatencyMs, name == "after" ? uploadBound : string.Empty));
            }
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
        }

        Console.WriteLine();
        Console.WriteLine($"Collection into Cloud Storage: N={cameras}, C={concurrency}, camera latency {latencyMs} ms, Cloud Storage latency {storageLatencyMs} ms per request; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| build | stored (cold/warm) | ideal ⌈N/C⌉·L (s) | wall, cold process (s) | ratio, cold | wall, warm (s) | ratio, warm | upload requests per snapshot | all requests per snapshot | peak concurrent requests | peak RSS (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> RunBuildAsync(string name, string dll, string api, int cameras, int concurrency, int latencyMs, int storageLatencyMs, string uploadBound)
    {
        await using var storage = await FakeGcsServer.StartAsync(new FakeGcsServerOptions { AccessToken = null, Latency = TimeSpan.FromMilliseconds(storageLatencyMs) });
        storage.CreateBucket(Bucket);
        string[] arguments = [dll, "collection-gcs-scenario", api, storage.BaseAddress.ToString(), Bucket, concurrency.ToString(CultureInfo.InvariantCulture)];
        var start = new ProcessStartInfo("dotnet", uploadBound.Length > 0 ? [.. arguments, uploadBound] : arguments)
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = JsonSerializer.Deserialize(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(), GcsScenarioJsonContext.Default.GcsScenarioResult)!;

        var requests = storage.Requests;
        var snapshots = storage.ListObjects(Bucket).Count(o => o.Name.EndsWith(".jpg", StringComparison.Ordinal));
        var uploads = requests.Count(r => r.IsAnyUpload && r.ObjectName?.EndsWith(".jpg", StringComparison.Ordinal) == true);
        var ideal = Math.Ceiling(cameras / (double)concurrency) * latencyMs / 1000.0;
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.ColdStored}/{result.WarmStored} | {ideal:0.00} | {result.ColdWallSeconds:0.00} | {result.ColdWallSeconds / ideal:0.000} | {result.WarmWallSeconds:0.00} | {result.WarmWallSeconds / ideal:0.000} | {uploads / (double)snapshots:0.00} | {requests.Count / (double)snapshots:0.00} | {storage.PeakConcurrentRequests} | {result.PeakRssBytes / 1048576.0:0} |");
    }
}
