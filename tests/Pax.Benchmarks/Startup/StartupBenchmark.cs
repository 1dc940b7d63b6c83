using System.Diagnostics;
using System.Globalization;

namespace Pax.Benchmarks.Startup;

/// <summary>
/// Cold start of the orchestrator (samples/Pax.Orchestrator.Function) against a bare <c>CreateSlimBuilder</c> minimal API
/// (tests/Pax.Benchmarks.BareApi), each published (ReadyToRun) beforehand: the time from starting the process to the
/// first 200 from <c>GET /healthz</c>, which is when Cloud Run sends a scaled-from-zero instance its first request.
/// The builds start in turn (bare, before, after, bare, …) so that a busy moment of the machine hits all of them;
/// the ratio is of the medians, in one run. The Function runs as on Cloud Run (Production, <c>K_SERVICE</c> set, so
/// Cloud Logging's JSON lines; CloudRunIam authentication; one phase in the environment as deploy.sh sets it), with
/// SQLite in a fresh folder for every start.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var starts = BenchmarkArguments.Int(args, "--starts", 9);
        var builds = new List<(string Name, string Dll)> { ("bare minimal API", BenchmarkArguments.Text(args, "--bare", string.Empty)) };
        for (var i = 0; i < args.Length - 1; i++)
        {
            // --app NAME=PATH, once per build of the Function (e.g. before and after a change), in the order given.
            if (args[i] == "--app" && args[i + 1].Split('=', 2) is [var name, var dll])
            {
                builds.Add(("Function, " + name, dll));
            }
        }

        if (builds.Count < 2 || builds.Any(b => b.Dll.Length == 0 || !File.Exists(b.Dll)))
        {
            Console.Error.WriteLine("usage: Pax.Benchmarks startup --bare BARE/Pax.Benchmarks.BareApi.dll --app NAME=FUNCTION/Pax.Orchestrator.Function.dll [--app NAME=…] [--starts 9]");
            return 2;
        }

        var times = builds.ToDictionary(b => b.Name, _ => new List<double>());
        for (var i = 0; i < starts; i++)
        {
            foreach (var (name, dll) in builds)
            {
                times[name].Add(await TimeToFirstAnswerAsync(Path.GetFullPath(dll), name != builds[0].Name));
            }
        }

        Print(builds.Select(b => (b.Name, times[b.Name])).ToList());
        return 0;
    }

    private static void Print(List<(string Name, List<double> Times)> results)
    {
        var bare = Median(results[0].Times);
        Console.WriteLine();
        Console.WriteLine($"Startup benchmark: {results[0].Times.Count} alternating starts each, process start to the first 200 from GET /healthz; {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at the end {LoadAverage()}");
        Console.WriteLine("| build | median (ms) | min (ms) | max (ms) | median / bare | every start (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, times) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(times):0} | {times.Min():0} | {times.Max():0} | {Median(times) / bare:0.00} | {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }
    }

    private static async Task<double> TimeToFirstAnswerAsync(string dll, bool function)
    {
        var port = Collection.CollectionBenchmark.FreePort();
        var data = Directory.CreateTempSubdirectory("pax-startup-");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data.FullName,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (function)
        {
            // What deploy.sh gives the service (one phase, its trigger topic), with SQLite instead of Firestore.
            start.Environment["K_SERVICE"] = "pax-orchestrator";
            start.Environment["Pax__Orchestration__Phases__0__Name"] = "phase2";
            start.Environment["Pax__Orchestration__Phases__0__Processors__0"] = "a";
            start.Environment["Pax__Orchestration__Phases__0__Processors__1"] = "b";
            start.Environment["Pax__Orchestration__Phases__0__Deadline"] = "06:00:00";
            start.Environment["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/my-project/topics/phase3";
            start.Environment["Pax__Orchestration__Store"] = "Sqlite";
            start.Environment["Pax__Scheduling__Store"] = "Sqlite";
            start.Environment["Pax__Orchestration__Sqlite__Path"] = Path.Combine(data.FullName, "orchestration.db");
            start.Environment["Pax__Scheduling__Sqlite__Path"] = Path.Combine(data.FullName, "scheduling.db");
        }

        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri($"http://127.0.0.1:{port}/healthz");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new List<string>();
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{dll} exited ({process.ExitCode}) before it answered: {string.Join('\n', output)}");
                }

                try
                {
                    using var response = await client.GetAsync(url);
                    if (response.IsSuccessStatusCode)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet: ask again right away (a refused connection on loopback takes microseconds).
                }

                if (watch.Elapsed > TimeSpan.FromMinutes(1))
                {
                    throw new TimeoutException($"{dll} did not answer GET /healthz within a minute.");
                }

                await Task.Delay(2);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
