using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Pax.Benchmarks.Collection;

/// <summary>
/// Collection throughput against the camera simulator: for each scenario (N cameras, concurrency C, simulator latency L)
/// it prints wall time, the ideal ⌈N/C⌉·L, their ratio and the collector's peak RSS. The simulator runs in its own
/// process and each scenario in a fresh collector process, so RSS is the collector's alone and scenarios don't warm
/// each other up.
/// </summary>
internal static class CollectionBenchmark
{
    private static readonly (int Cameras, int Concurrency)[] Scenarios = [(82, 1), (82, 16), (2000, 64)];

    public static async Task<int> RunAsync(string[] args)
    {
        var latencyMs = args is ["--latency-ms", var text, ..] ? int.Parse(text, CultureInfo.InvariantCulture) : 250;
        var results = new List<ScenarioResult>();
        foreach (var cameras in Scenarios.Select(s => s.Cameras).Distinct())
        {
            var port = FreePort();
            using var simulator = await StartSimulatorAsync(port, cameras, latencyMs);
            var api = $"http://127.0.0.1:{port}";
            foreach (var (_, concurrency) in Scenarios.Where(s => s.Cameras == cameras))
            {
                results.Add(await RunScenarioProcessAsync(api, cameras, concurrency, latencyMs));
            }

            simulator.Kill(entireProcessTree: true);
        }

        Print(results, latencyMs);
        return results.All(r => r.Stored == r.Cameras) ? 0 : 1;
    }

    private static void Print(List<ScenarioResult> results, int latencyMs)
    {
        Console.WriteLine();
        Console.WriteLine($"Collection benchmark: simulator latency {latencyMs} ms, fault rate 0, file-system sink; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| N | C | stored | ideal ⌈N/C⌉·L (s) | wall, warm (s) | ratio | camera list (s) | fetch phase (s) | wall, cold process (s) | ratio, cold | camera list, cold (s) | fetch phase, cold (s) | peak RSS (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ideal = Math.Ceiling(r.Cameras / (double)r.Concurrency) * latencyMs / 1000.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Cameras} | {r.Concurrency} | {r.Stored} | {ideal:0.00} | {r.WallSeconds:0.00} | {r.WallSeconds / ideal:0.000} | {r.ListSeconds:0.00} | {r.FetchSeconds:0.00} | {r.ColdWallSeconds:0.00} | {r.ColdWallSeconds / ideal:0.000} | {r.ColdListSeconds:0.00} | {r.ColdFetchSeconds:0.00} | {r.PeakRssBytes / 1048576.0:0} |"));
        }
    }

    private static async Task<ScenarioResult> RunScenarioProcessAsync(string api, int cameras, int concurrency, int latencyMs)
    {
        var self = typeof(CollectionBenchmark).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [self, "collection-scenario", api, cameras.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture), latencyMs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize(json, BenchmarkJsonContext.Default.ScenarioResult)!;
    }

    // Starts the simulator and completes once it prints that it is listening (its readiness signal).
    internal static async Task<Process> StartSimulatorAsync(int port, int cameras, int latencyMs)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Pax.CameraSimulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--cameras", cameras.ToString(CultureInfo.InvariantCulture), "--latency", $"{latencyMs}ms", "--fault-rate", "0", "--seed", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The simulator exited before it listened."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return process;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
