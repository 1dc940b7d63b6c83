using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// The tick scheduler under contention: J due jobs, T tickers (separate scheduler instances with their own store
/// objects, as separate Cloud Run instances would be) ticking concurrently until nothing is due, on the Firestore
/// emulator (or SQLite). Prints jobs/s, the claims lost to another ticker, Firestore commits refused (precondition or
/// contention: paid writes that changed nothing) and counts duplicate and missing executions (both must be 0).
///   dotnet run -c Release --project tests/Pax.Benchmarks -- scheduling [--jobs 10000] [--tickers 4] [--max-per-tick 500] [--concurrency 8] [--store firestore|sqlite]
/// With <c>--before OTHER/Pax.Benchmarks.dll</c> (a build of another commit) and <c>--runs N</c>, each run starts both
/// builds one after the other, each in a process of its own with a fresh emulator, and prints one table with the load
/// average at the start of each.
/// </summary>
internal static class SchedulingBenchmark
{
    private const string JobType = "bench";

    public static Task<int> RunAsync(string[] args) =>
        BenchmarkArguments.Text(args, "--before", string.Empty).Length > 0 || BenchmarkArguments.Int(args, "--runs", 1) > 1
            ? CompareAsync(args)
            : RunOnceAsync(args);

    private static async Task<int> RunOnceAsync(string[] args)
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
        var commits = new CommitCounter();
        var providers = Enumerable.Range(0, tickers).Select(_ => Build(emulator, directory, project, maxPerTick, concurrency, executions, commits)).ToList();
        try
        {
            await SeedAsync(providers[0].GetRequiredService<JobScheduler>(), jobs);
            commits.Reset();
            var started = Stopwatch.GetTimestamp();
            var ticks = await Task.WhenAll(providers.Select(p => Task.Run(() => TickUntilIdleAsync(p.GetRequiredService<JobScheduler>()))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var duplicates = executions.Values.Sum(count => Math.Max(0, count - 1));
            var missing = jobs - executions.Count;
            Report(store, jobs, tickers, maxPerTick, concurrency, elapsed, ticks.SelectMany(t => t).ToList(), commits, duplicates, missing);
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

    /// <summary>
    /// Ticks until a tick claims nothing: nothing is due, or only in shards other tickers hold (they go on until those
    /// are done; whoever claims ticks again, so no due job is left behind — the missing count checks it).
    /// </summary>
    private static async Task<List<TickResult>> TickUntilIdleAsync(JobScheduler scheduler)
    {
        var results = new List<TickResult>();
        while (true)
        {
            var result = await scheduler.RunTickAsync(CancellationToken.None);
            results.Add(result);
            if (result.JobsClaimed == 0)
            {
                return results;
            }
        }
    }

    private static ServiceProvider Build(
        GcloudEmulator? emulator, string directory, string project, int maxPerTick, int concurrency, ConcurrentDictionary<string, int> executions, CommitCounter commits)
    {
        var services = new ServiceCollection();
        services.AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = emulator?.HostPort);
        services.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(commits.CreateHandler);
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

    private static void Report(
        string store, int jobs, int tickers, int maxPerTick, int concurrency, TimeSpan elapsed, List<TickResult> ticks, CommitCounter commits, int duplicates, int missing)
    {
        Console.WriteLine($"store={store} jobs={jobs} tickers={tickers} max jobs/tick={maxPerTick} concurrency/ticker={concurrency}");
        Console.WriteLine("| jobs | seconds | jobs/s | ticks | claimed | already claimed (lost races) | duplicate executions | missing | job commits (refused) | shard lease commits (refused) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {jobs} | {elapsed.TotalSeconds:0.0} | {jobs / elapsed.TotalSeconds:0} | {ticks.Count} | {ticks.Sum(t => t.JobsClaimed)} | {ticks.Sum(t => t.JobsSkippedClaimed)} | {duplicates} | {missing} | {commits.Jobs} ({commits.JobsRefused}) | {commits.Shards} ({commits.ShardsRefused}) |"));
    }

    /// <summary>Runs each build (the one given with <c>--before</c>, then this one) <c>--runs</c> times, alternating, and prints one table.</summary>
    private static async Task<int> CompareAsync(string[] args)
    {
        var before = BenchmarkArguments.Text(args, "--before", string.Empty);
        var runs = BenchmarkArguments.Int(args, "--runs", 1);
        var passed = Without(Without(args, "--before"), "--runs");
        var builds = new List<(string Name, string Dll)>();
        if (before.Length > 0)
        {
            builds.Add(("before", Path.GetFullPath(before)));
        }

        builds.Add(("after", typeof(SchedulingBenchmark).Assembly.Location));
        var rows = new List<string>();
        var failed = false;
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (name, dll) in builds)
            {
                var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
                var start = new ProcessStartInfo("dotnet", [dll, "scheduling", .. passed]) { RedirectStandardOutput = true };
                using var process = Process.Start(start)!;
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                failed |= process.ExitCode != 0;
                rows.Add(Row(name, run, load, output));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Tick scheduler, {string.Join(' ', passed)}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| build | run | load average at start (1, 5, 15 min) | seconds | jobs/s | ticks | claimed | claims lost to another ticker | lost / claim attempts | job commits (refused) | shard lease commits (refused) | duplicate executions | missing |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return failed ? 1 : 0;
    }

    /// <summary>One comparison row from a run's table row (a build before shard leases prints the first eight columns only).</summary>
    private static string Row(string name, int run, string load, string output)
    {
        var row = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2]));
        var cells = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var claimed = double.Parse(cells[4], CultureInfo.InvariantCulture);
        var lost = double.Parse(cells[5], CultureInfo.InvariantCulture);
        var commits = cells.Length > 9 ? $"{cells[8]} | {cells[9]}" : "– | –";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {run} | {load} | {cells[1]} | {cells[2]} | {cells[3]} | {cells[4]} | {cells[5]} | {lost / (claimed + lost):0.0 %} | {commits} | {cells[6]} | {cells[7]} |");
    }

    private static string[] Without(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 ? args : [.. args[..index], .. args[Math.Min(args.Length, index + 2)..]];
    }

    private sealed class CountingHandler(ConcurrentDictionary<string, int> executions) : IScheduledJobHandler
    {
        public Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken)
        {
            executions.AddOrUpdate(context.Job.Id, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the Firestore commits on jobs and on shard leases, and how many Firestore refused (400 precondition, 404, 409 exists or contention).</summary>
    private sealed class CommitCounter
    {
        private int _jobs;
        private int _jobsRefused;
        private int _shards;
        private int _shardsRefused;

        public int Jobs => _jobs;

        public int JobsRefused => _jobsRefused;

        public int Shards => _shards;

        public int ShardsRefused => _shardsRefused;

        public DelegatingHandler CreateHandler() => new Counter(this);

        public void Reset() => _jobs = _jobsRefused = _shards = _shardsRefused = 0;

        private sealed class Counter(CommitCounter counts) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.RequestUri?.AbsolutePath.EndsWith(":commit", StringComparison.Ordinal) != true || request.Content is null)
                {
                    return await base.SendAsync(request, cancellationToken);
                }

                var shard = (await request.Content.ReadAsStringAsync(cancellationToken)).Contains("/scheduler_shards/", StringComparison.Ordinal);
                var response = await base.SendAsync(request, cancellationToken);
                var refused = (int)response.StatusCode is 400 or 404 or 409;
                Interlocked.Increment(ref shard ? ref counts._shards : ref counts._jobs);
                if (refused)
                {
                    Interlocked.Increment(ref shard ? ref counts._shardsRefused : ref counts._jobsRefused);
                }

                return response;
            }
        }
    }
}
