using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// The tally engine under duplicate, concurrent deliveries: R run keys × P processors × D deliveries each, C at a
/// time, on the Firestore emulator (or SQLite). Checks that exactly R triggers fired and prints deliveries/s and
/// the p50/p95 latency from the start of the completing delivery to its trigger; on Firestore also where that time
/// goes (<see cref="FirestoreCallProfile"/>).
/// With <c>--tracing on</c> every Pax span is recorded (an ActivityListener sampling all of <c>Pax.*</c>, as an
/// OpenTelemetry SDK with an always-on sampler would, without export) and each delivery runs in its own trace, as the
/// intake's consumer span runs it; off, nothing listens.
///   dotnet run -c Release --project tests/Pax.Benchmarks -- orchestration [--run-keys 1000] [--processors 6] [--deliveries 2] [--concurrency 32] [--store firestore|sqlite] [--tracing off|on]
/// </summary>
internal static class OrchestrationBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runKeys = BenchmarkArguments.Int(args, "--run-keys", 1000);
        var processors = BenchmarkArguments.Int(args, "--processors", 6);
        var deliveries = BenchmarkArguments.Int(args, "--deliveries", 2);
        var concurrency = BenchmarkArguments.Int(args, "--concurrency", 32);
        var store = BenchmarkArguments.Text(args, "--store", "firestore");
        var tracing = BenchmarkArguments.Text(args, "--tracing", "off") == "on";
        using var listener = tracing ? Listen() : null;

        var directory = Path.Combine(Path.GetTempPath(), "pax-bench-" + Guid.NewGuid().ToString("N"));
        var emulator = await BenchmarkArguments.StartStoreAsync(store);

        try
        {
            var trigger = new TimedTrigger();
            var profile = new FirestoreCallProfile();
            await using var services = Build(emulator, directory, processors, trigger, profile);
            var tally = services.GetRequiredService<CompletionTally>();
            var work = Enumerable.Range(0, runKeys)
                .SelectMany(k => Enumerable.Range(0, processors).SelectMany(p => Enumerable.Repeat((Key: $"run-{k:00000}", Processor: $"p{p}"), deliveries)))
                .OrderBy(_ => Random.Shared.Next())
                .ToList();
            var latencies = new ConcurrentBag<double>();
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
            {
                var calls = FirestoreCallProfile.BeginDelivery();
                var begin = Stopwatch.GetTimestamp();
                using var delivery = tracing ? new Activity("delivery").SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start() : null;
                var result = await tally.RecordAsync(new CompletionMessage("phase", d.Processor, d.Key, CompletionStatus.Succeeded), ct);
                if (result.Drive == DriveOutcome.Triggered && trigger.FiredAt.TryGetValue(d.Key, out var fired))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(begin, fired).TotalMilliseconds);
                    profile.Completing(begin, fired, calls);
                }
            });
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.WriteLine($"tracing: {(tracing ? "on (every Pax span recorded)" : "off")}");
            Report(store, runKeys, processors, deliveries, concurrency, work.Count, elapsed, trigger, latencies.Order().ToList());
            if (emulator is not null)
            {
                profile.Report();
            }

            return trigger.Count == runKeys && trigger.FiredAt.Count == runKeys ? 0 : 1;
        }
        finally
        {
            await BenchmarkArguments.CleanUpAsync(emulator, directory);
        }
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Pax.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    internal static ServiceProvider Build(GcloudEmulator? emulator, string directory, int processors, TimedTrigger trigger, FirestoreCallProfile profile)
    {
        var services = new ServiceCollection();
        services.AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = emulator?.HostPort);
        services.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(profile.CreateHandler);
        services.AddPaxOrchestration(o =>
        {
            o.Store = emulator is null ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
            o.Sqlite.Path = Path.Combine(directory, "bench.db");
            o.Firestore.ProjectId = "bench" + Guid.NewGuid().ToString("N")[..8];
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition { Name = "phase", ExpectedCount = processors, CustomTrigger = trigger });
        });
        return services.BuildServiceProvider();
    }

    private static void Report(string store, int runKeys, int processors, int deliveries, int concurrency, int total, TimeSpan elapsed, TimedTrigger trigger, List<double> latencies)
    {
        static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine($"store={store} run keys={runKeys} processors={processors} deliveries/processor={deliveries} concurrency={concurrency}");
        Console.WriteLine($"| deliveries | seconds | deliveries/s | triggers (expected {runKeys}) | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {total} | {elapsed.TotalSeconds:0.0} | {total / elapsed.TotalSeconds:0} | {trigger.Count} | {Ms(Percentile(0.50))} | {Ms(Percentile(0.95))} | {Ms(latencies.LastOrDefault())} |"));
    }

    internal sealed class TimedTrigger : IPhaseTrigger
    {
        private int _count;

        public ConcurrentDictionary<string, long> FiredAt { get; } = new(StringComparer.Ordinal);

        public int Count => Volatile.Read(ref _count);

        public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            FiredAt.TryAdd(request.RunKey, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }
    }
}
