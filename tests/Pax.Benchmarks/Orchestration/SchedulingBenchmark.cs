using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// The tick scheduler under contention: J due jobs, T tickers (separate scheduler instances with their own store
/// objects, as separate Cloud Run instances would be) ticking concurrently until nothing is due, on the Firestore
/// emulator (or SQLite). Prints jobs/s and counts duplicate and missing executions (both must be 0).
///   dotnet run -c Release --project tests/Pax.Benchmarks -- scheduling [--jobs 10000] [--tickers 4] [--max-per-tick 500] [--concurrency 8] [--store firestore|sqlite]
/// </summary>
internal static class SchedulingBenchmark
{
    private const string JobType = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = BenchmarkArguments.Int(args, "--jobs", 10_000);
        var tickers = BenchmarkArguments.Int(args, "--tickers", 4);
        var maxPerTick = BenchmarkArguments.Int(args, "--max-per-tick", 500);
        var concurrency = BenchmarkArguments.Int(args, "--concurrency", 8);
        var store = BenchmarkArguments.Text(args, "--store", "firestore");
        var directory = Path.Combine(Path.GetTempPath(), "pax-bench-" + Guid.NewGuid().ToString("N"));
        var emulator = await BenchmarkArguments.StartStoreAsync(store);

        var project = "bench" + Guid.NewGuid().ToString("N")[..8];
        var executions = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var providers = Enumerable.Range(0, tickers).Select(_ => Build(emulator, directory, project, maxPerTick, concurrency, executions)).ToList();
        try
        {
            await SeedAsync(providers[0].GetRequiredService<JobScheduler>(), jobs);
            var started = Stopwatch.GetTimestamp();
            var ticks = await Task.WhenAll(providers.Select(p => Task.Run(() => TickUntilIdleAsync(p.GetRequiredService<JobScheduler>()))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var duplicates = executions.Values.Sum(count => Math.Max(0, count - 1));
            var missing = jobs - executions.Count;
            Report(store, jobs, tickers, maxPerTick, concurrency, elapsed, ticks.SelectMany(t => t).ToList(), duplicates, missing);
            return duplicates == 0 && missing == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }

            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task SeedAsync(JobScheduler scheduler, int jobs)
    {
        var due = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await scheduler.TryCreateJobAsync(new ScheduledJobRequest { Id = $"job-{i:000000}", Type = JobType, ScheduleAt = due }, ct));
    }

    private static async Task<List<TickResult>> TickUntilIdleAsync(JobScheduler scheduler)
    {
        var results = new List<TickResult>();
        while (true)
        {
            var result = await scheduler.RunTickAsync(CancellationToken.None);
            results.Add(result);
            if (result.JobsChecked == 0)
            {
                return results;
            }
        }
    }

    private static ServiceProvider Build(GcloudEmulator? emulator, string directory, string project, int maxPerTick, int concurrency, ConcurrentDictionary<string, int> executions)
    {
        var services = new ServiceCollection();
        services.AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = emulator?.HostPort);
        services.AddPaxScheduling(o =>
        {
            o.Store = emulator is null ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
            o.Firestore.ProjectId = project;
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.MaxJobsPerTick = maxPerTick;
            o.MaxConcurrency = concurrency;
        });
        services.AddSingleton(executions);
        services.AddScheduledJobHandler<CountingHandler>(JobType);
        return services.BuildServiceProvider();
    }

    private static void Report(string store, int jobs, int tickers, int maxPerTick, int concurrency, TimeSpan elapsed, List<TickResult> ticks, int duplicates, int missing)
    {
        Console.WriteLine($"store={store} jobs={jobs} tickers={tickers} max jobs/tick={maxPerTick} concurrency/ticker={concurrency}");
        Console.WriteLine("| jobs | seconds | jobs/s | ticks | claimed | already claimed (lost races) | duplicate executions | missing |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {jobs} | {elapsed.TotalSeconds:0.0} | {jobs / elapsed.TotalSeconds:0} | {ticks.Count} | {ticks.Sum(t => t.JobsClaimed)} | {ticks.Sum(t => t.JobsSkippedClaimed)} | {duplicates} | {missing} |"));
    }

    private sealed class CountingHandler(ConcurrentDictionary<string, int> executions) : IScheduledJobHandler
    {
        public Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken)
        {
            executions.AddOrUpdate(context.Job.Id, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }
}
