using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Selection;

namespace Pax.Benchmarks.Collection;

/// <summary>
/// One Cloud Storage scenario, run in its own process: collects every online camera of the simulator into a bucket of
/// the loopback Cloud Storage server, reached as <c>STORAGE_EMULATOR_HOST</c> (anonymously), with the Storage client
/// this build of Pax has. It uses only API that the hand-written client's version (commit 842a322) had too, so the
/// same file builds there and measures "before".
/// </summary>
internal static class GcsCollectionScenario
{
    public static async Task<int> RunInThisProcessAsync(string[] args)
    {
        var api = new Uri(args[0]);
        var storage = args[1];
        var bucket = args[2];
        var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);

        // Optional: the upload bound (CollectionOptions.UploadConcurrency), for builds that have one.
        var uploadBound = args.Length > 4 ? args[4] : null;
        var services = new ServiceCollection()
            .AddPaxCollection(options =>
            {
                options.Sink = $"gs://{bucket}/bench";
                options.Concurrency = concurrency;
                options.Deadline = TimeSpan.FromMinutes(10);
            })
            .AddPaxGoogleCloud(options => options.StorageEmulatorHost = storage)
            .AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<CollectionOptions>>(new UploadBound(uploadBound))
            .Configure<NyctmcOptions>(options => options.BaseAddress = api)
            .BuildServiceProvider();
        try
        {
            // Cold: a fresh process, as a Cloud Run Job task starts. Warm: the same process, a day later in slot terms.
            var cold = await RunOnceAsync(services, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var warm = await RunOnceAsync(services, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
            var result = new GcsScenarioResult(cold.Stored, warm.Stored, cold.Wall.TotalSeconds, warm.Wall.TotalSeconds, PeakRss());
            Console.WriteLine(JsonSerializer.Serialize(result, GcsScenarioJsonContext.Default.GcsScenarioResult));
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
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

/// <summary>Sets <c>UploadConcurrency</c> by name, when given, so this file also builds where the option does not exist.</summary>
internal sealed class UploadBound(string? value) : Microsoft.Extensions.Options.IConfigureOptions<CollectionOptions>
{
    public void Configure(CollectionOptions options)
    {
        if (value is not null)
        {
            typeof(CollectionOptions).GetProperty("UploadConcurrency")!.SetValue(options, int.Parse(value, CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>One Cloud Storage scenario's measurements, passed from the scenario process to the driver as one JSON line.</summary>
internal sealed record GcsScenarioResult(int ColdStored, int WarmStored, double ColdWallSeconds, double WarmWallSeconds, long PeakRssBytes);

/// <summary>Source-generated JSON for <see cref="GcsScenarioResult"/>.</summary>
[JsonSerializable(typeof(GcsScenarioResult))]
internal sealed partial class GcsScenarioJsonContext : JsonSerializerContext;
