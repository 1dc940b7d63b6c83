using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Selection;

namespace Pax.Benchmarks.Collection;

/// <summary>One scenario, run in its own process: collects every online camera of the simulator into a temporary folder.</summary>
internal static class CollectionScenario
{
    public static async Task<int> RunInThisProcessAsync(string[] args)
    {
        var api = new Uri(args[0]);
        var cameras = int.Parse(args[1], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "pax-bench-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection()
            .AddPaxCollection(options =>
            {
                options.Sink = root;
                options.Concurrency = concurrency;
                options.Deadline = TimeSpan.FromMinutes(10);
            })
            .Configure<NyctmcOptions>(options => options.BaseAddress = api)
            .AddSingleton<TimedCameraSource>(sp => new TimedCameraSource(sp.GetRequiredService<NyctmcCameraClient>()))
            .AddSingleton<ICameraSource>(sp => sp.GetRequiredService<TimedCameraSource>())
            .BuildServiceProvider();
        try
        {
            // First run: a cold process (what a Cloud Run Job task sees). Second run: the same process warmed up, a day
            // later in slot terms so that it stores everything again and finds no previous report to compare with.
            var cold = await RunOnceAsync(services, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var timed = services.GetRequiredService<TimedCameraSource>();
            var (coldList, coldFetch) = (timed.ListTime.TotalSeconds, timed.FetchPhase.TotalSeconds);
            var warm = await RunOnceAsync(services, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
            var result = new ScenarioResult(cameras, concurrency, warm.Stored, cold.Wall.TotalSeconds, warm.Wall.TotalSeconds, timed.ListTime.TotalSeconds, timed.FetchPhase.TotalSeconds, PeakRss())
            {
                ColdListSeconds = coldList,
                ColdFetchSeconds = coldFetch,
            };
            Console.WriteLine(JsonSerializer.Serialize(result, BenchmarkJsonContext.Default.ScenarioResult));
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int Stored, TimeSpan Wall)> RunOnceAsync(IServiceProvider services, DateTimeOffset slot)
    {
        var runner = services.GetRequiredService<CollectionRunner>();
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync(new CollectionRequest { Selection = CameraSelection.AllOnline, Slot = slot }, CancellationToken.None);
        return (report.Count(CameraOutcomeKind.Stored), watch.Elapsed);
    }

    // VmHWM: the process's peak resident set size, from the kernel.
    private static long PeakRss()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
