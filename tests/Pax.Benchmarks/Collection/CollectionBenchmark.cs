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
/// each other up. <c>--build NAME=PATH</c> (repeatable) runs the scenario processes of other builds of this benchmark —
/// a <c>Pax.Benchmarks.dll</c> (started with <c>dotnet</c>) or a self-contained one's executable — in turn with this one,
/// round after round (<c>--rounds K</c>), so that a busy moment of the machine hits all of them; the ratios printed are
/// the medians of the rounds. <c>--scenario NxC</c> (repeatable) runs only those scenarios.
/// </summary>
internal static class CollectionBenchmark
{
    private static readonly (int Cameras, int Concurrency)[] Scenarios = [(82, 1), (82, 16), (2000, 64)];

    public static async Task<int> RunAsync(string[] args)
    {
        var latencyMs = BenchmarkArguments.Int(args, "--latency-ms", 250);
        var rounds = BenchmarkArguments.Int(args, "--rounds", 1);
        var builds = Repeated(args, "--build").Select(b => b.Split('=', 2)).Select(b => (Name: b[0], Path: Path.GetFullPath(b[1]))).ToList();
        if (builds.Count == 0)
        {
            builds.Add(("this build", Environment.ProcessPath is { } host && !IsDotnet(host) ? host : typeof(CollectionBenchmark).Assembly.Location));
        }

        var chosen = Repeated(args, "--scenario").ToList();
        var scenarios = Scenarios.Where(s => chosen.Count == 0 || chosen.Contains(string.Create(CultureInfo.InvariantCulture, $"{s.Cameras}x{s.Concurrency}"))).ToList();
        var results = new List<(string Build, ScenarioResult Result)>();
        foreach (var cameras in scenarios.Select(s => s.Cameras).Distinct())
        {
            var port = FreePort();
            using var simulator = await StartSimulatorAsync(port, cameras, latencyMs);
            var api = $"http://127.0.0.1:{port}";
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (_, concurrency) in scenarios.Where(s => s.Cameras == cameras))
                {
                    foreach (var (name, path) in builds)
                    {
                        results.Add((name, await RunScenarioProcessAsync(path, api, cameras, concurrency, latencyMs)));
                    }
                }
            }

            simulator.Kill(entireProcessTree: true);
        }

        Print(results, latencyMs, rounds);
        return results.All(r => r.Result.Stored == r.Result.Cameras) ? 0 : 1;
    }

    private static IEnumerable<string> Repeated(string[] args, string name) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]);

    private static bool IsDotnet(string path) => Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    private static void Print(List<(string Build, ScenarioResult Result)> results, int latencyMs, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine($"Collection benchmark: simulator latency {latencyMs} ms, fault rate 0, file-system sink, {rounds} round(s) (medians); {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at the end {LoadAverage()}");
        Console.WriteLine("| build | N | C | stored | ideal ⌈N/C⌉·L (s) | wall, warm (s) | ratio | camera list (s) | fetch phase (s) | wall, cold process (s) | ratio, cold | camera list, cold (s) | fetch phase, cold (s) | peak RSS (MB) | ratio, cold, every round |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var group in results.GroupBy(r => (r.Build, r.Result.Cameras, r.Result.Concurrency)))
        {
            var runs = group.Select(g => g.Result).ToList();
            var (n, c) = (group.Key.Cameras, group.Key.Concurrency);
            var ideal = Math.Ceiling(n / (double)c) * latencyMs / 1000.0;
            double M(Func<ScenarioResult, double> f) => Median(runs.Select(f));
            var every = string.Join(", ", runs.Select(r => (r.ColdWallSeconds / ideal).ToString("0.000", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Build} | {n} | {c} | {runs.Min(r => r.Stored)} | {ideal:0.00} | {M(r => r.WallSeconds):0.000} | {M(r => r.WallSeconds) / ideal:0.000} | {M(r => r.ListSeconds):0.000} | {M(r => r.FetchSeconds):0.000} | {M(r => r.ColdWallSeconds):0.000} | {M(r => r.ColdWallSeconds) / ideal:0.000} | {M(r => r.ColdListSeconds):0.000} | {M(r => r.ColdFetchSeconds):0.000} | {M(r => r.PeakRssBytes) / 1048576.0:0} | {every} |"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<ScenarioResult> RunScenarioProcessAsync(string build, string api, int cameras, int concurrency, int latencyMs)
    {
        // A Pax.Benchmarks.dll runs on the shared framework (dotnet); a self-contained build runs its own executable.
        string[] arguments = ["collection-scenario", api, cameras.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture), latencyMs.ToString(CultureInfo.InvariantCulture)];
        var start = build.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [build, .. arguments])
            : new ProcessStartInfo(build, arguments);
        start.RedirectStandardOutput = true;
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
