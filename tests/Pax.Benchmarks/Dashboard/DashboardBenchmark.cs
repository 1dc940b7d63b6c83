using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;

namespace Pax.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's pages and searches over a large store (issue 29's targets): seeds <see cref="DashboardSeed"/>'s picture,
/// serves the dashboard on loopback and GETs every page and search <c>--requests</c> times after two warm-ups, one at a
/// time; prints p50, p95 and the maximum per page and, on Firestore (emulator), the document reads each costs
/// (<see cref="FirestoreReadCounter"/>), which must not grow with the seeded count.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var store = BenchmarkArguments.Text(args, "--store", "sqlite");
        var sqlite = store == "sqlite";
        var tallies = BenchmarkArguments.Int(args, "--tallies", sqlite ? 1_000_000 : 100_000);
        var jobs = BenchmarkArguments.Int(args, "--jobs", sqlite ? 200_000 : 2_000);
        var requests = BenchmarkArguments.Int(args, "--requests", sqlite ? 50 : 3);
        await using var emulator = await BenchmarkArguments.StartStoreAsync(store);
        var directory = Path.Combine(Path.GetTempPath(), "pax-dash-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var project = "p" + Guid.NewGuid().ToString("N")[..12];
        var counter = new FirestoreReadCounter();
        var now = TimeProvider.System.GetUtcNow();
        await using var app = Build(store, emulator?.HostPort, directory, project, counter);
        await app.StartAsync();
        try
        {
            var seeding = Stopwatch.StartNew();
            var services = app.Services;
            await services.GetRequiredService<ICompletionStore>().GetAsync("collect", "x", CancellationToken.None);
            await services.GetRequiredService<IScheduledJobStore>().GetAsync("x", CancellationToken.None);
            if (sqlite)
            {
                await DashboardSeed.SqliteAsync(Path.Combine(directory, "tallies.db"), Path.Combine(directory, "jobs.db"), tallies, jobs, now);
            }
            else
            {
                await DashboardSeed.FirestoreTalliesAsync(services.GetRequiredService<FirestoreClient>(), project, tallies, now);
                await DashboardSeed.JobsThroughStoreAsync(services.GetRequiredService<IScheduledJobStore>(), jobs, now);
            }

            Console.WriteLine($"Seeded {tallies:N0} tallies and {jobs:N0} jobs on {store} in {seeding.Elapsed.TotalSeconds:0} s; {requests} requests per page after 2 warm-ups, page size 25.");
            using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            Console.WriteLine(sqlite ? "| page | p50 ms | p95 ms | max ms | rows shown | KB |" : "| page | p50 ms | p95 ms | Firestore calls | document reads | rows shown |");
            Console.WriteLine(sqlite ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|---|");
            var worst = 0.0;
            foreach (var (name, path) in Pages(now, tallies))
            {
                worst = Math.Max(worst, await MeasureAsync(client, counter, name, path, requests, sqlite));
            }

            Console.WriteLine($"Slowest p95: {worst:0.0} ms.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<(string Name, string Path)> Pages(DateTimeOffset now, int tallies)
    {
        var middle = tallies / 2;
        var key = DashboardSeed.RunKey(middle, now);
        var cursor = DashboardSeed.CreatedAt(middle, now).UtcTicks.ToString(CultureInfo.InvariantCulture) + "~" + key;
        var day = Uri.EscapeDataString(now.AddDays(-(middle / 1000)).UtcDateTime.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var from = Uri.EscapeDataString(DashboardSeed.CreatedAt(middle + 100, now).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var until = Uri.EscapeDataString(DashboardSeed.CreatedAt(middle, now).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        return
        [
            ("phases", "/pax"),
            ("phases, a page half-way down", "/pax?phase=collect&after=" + Uri.EscapeDataString(cursor)),
            ("run key", "/pax/phases/collect/" + Uri.EscapeDataString(key)),
            ("jobs", "/pax/jobs"),
            ("jobs, pending, a page half-way", "/pax/jobs?status=pending&after=" + Uri.EscapeDataString(now.UtcTicks.ToString(CultureInfo.InvariantCulture) + "~job-0")),
            ("rejected", "/pax/rejected"),
            ("rejected of a phase", "/pax/rejected?phase=collect"),
            ("instances", "/pax/instances"),
            ("search: exact run key", "/pax/search?q=" + Uri.EscapeDataString(key)),
            ("search: run key prefix (a day)", "/pax/search?q=" + day),
            ("search: job id", "/pax/search?q=job-4242"),
            ("filter: state open", "/pax?phase=collect&state=open"),
            ("filter: state claimed", "/pax?phase=collect&state=claimed"),
            ("filter: state triggered", "/pax?phase=collect&state=triggered"),
            ("filter: trigger failed", "/pax?phase=collect&state=trigger-failed"),
            ("filter: overdue", "/pax?phase=collect&state=overdue"),
            ("filter: nobody reported", "/pax?phase=collect&state=nobody-reported"),
            ("filter: time range", $"/pax?phase=collect&from={from}&until={until}"),
            ("filter: open in a time range", $"/pax?phase=collect&state=open&from={from}&until={until}"),
            ("filter: prefix + triggered", $"/pax?phase=collect&prefix={day}&state=triggered"),
            ("filter: exact run key", "/pax?phase=collect&runKey=" + Uri.EscapeDataString(key)),
            ("jobs: type", "/pax/jobs?type=type-3"),
            ("jobs: pending of a type due in a range", $"/pax/jobs?status=pending&type=type-3&from={Uri.EscapeDataString(now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"),
            ("jobs: id", "/pax/jobs?id=job-4242"),
            ("rejected: reason", "/pax/rejected?reason=invalid"),
            ("rejected: reason of a phase", "/pax/rejected?phase=collect&reason=invalid"),
        ];
    }

    private static async Task<double> MeasureAsync(HttpClient client, FirestoreReadCounter counter, string name, string path, int requests, bool sqlite)
    {
        for (var i = 0; i < 2; i++)
        {
            await GetAsync(client, path);
        }

        counter.Take();
        var times = new List<double>();
        var page = string.Empty;
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            page = await GetAsync(client, path);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // Rows of the page's tables (run keys, jobs, messages, claims): that the page shows what it was asked for.
        var rows = page.Split("<tr><th scope=\"row\"").Length - 1 + page.Split("<tr><td>").Length - 1;

        var (reads, calls) = counter.Take();
        times.Sort();
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.95 * times.Count) - 1)];
        var p50 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.5 * times.Count) - 1)];
        Console.WriteLine(sqlite
            ? string.Create(CultureInfo.InvariantCulture, $"| {name} | {p50:0.0} | {p95:0.0} | {times[^1]:0.0} | {rows} | {page.Length / 1024} |")
            : string.Create(CultureInfo.InvariantCulture, $"| {name} | {p50:0.0} | {p95:0.0} | {(double)calls / requests:0.#} | {(double)reads / requests:0.#} | {rows} |"));
        return p95;
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static WebApplication Build(string store, string? emulator, string directory, string project, FirestoreReadCounter counter)
    {
        var kind = store == "sqlite" ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = emulator);
        builder.Services.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => counter);
        builder.Services.AddPaxOrchestration(o =>
        {
            o.Store = kind;
            o.Firestore.ProjectId = project;
            o.Sqlite.Path = Path.Combine(directory, "tallies.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition
            {
                Name = "collect",
                Processors = ["cam-a", "cam-b"],
                Deadline = TimeSpan.FromHours(1),
                // Expected daily (run keys yyyy-MM-dd, which the seeded keys never are: every one is "nobody reported"), from 30 days ago.
                Expected = new ExpectedRunSchedule { Cron = "0 6 * * *", RunKeyFormat = "yyyy-MM-dd", LookBack = TimeSpan.FromDays(30), Start = TimeProvider.System.GetUtcNow().AddDays(-30) },
                Trigger = new PhaseTriggerOptions { Topic = "projects/p/topics/next" },
            });
        });
        builder.Services.AddPaxScheduling(o =>
        {
            o.Store = kind;
            o.Firestore.ProjectId = project;
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
        });
        builder.Services.AddPaxDashboard(o => o.Authentication.Mode = InboundAuthenticationMode.None);
        var app = builder.Build();
        app.MapPaxDashboard("/pax");
        return app;
    }
}
