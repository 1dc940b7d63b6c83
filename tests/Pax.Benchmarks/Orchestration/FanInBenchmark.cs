using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Completion;
using Pax.TestSupport.Emulators;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// Wide fan-in (docs/architecture.md, "Wide fan-in"): one run key × N reporters (10,000), every report delivered D times
/// (2), C at a time (64), in random order, through <c>CompletionTally</c> with an in-process trigger, for R rounds (a
/// fresh run key each). Checks exactly one trigger per round and every report recorded once (by the receipts and by the
/// store's counts), prints deliveries/s and the time from the start of the last report's delivery to the trigger, and on
/// Firestore reads every document of the first round back and prints the largest one's size (Firestore's storage-size
/// rules). Before each round, in the same run and on the same emulator, the narrow baseline: 1,000 run keys × 6
/// processors × 2 deliveries, 32 concurrent (the <c>orchestration</c> benchmark's default), for its deliveries/s.
///   dotnet run -c Release --project tests/Pax.Benchmarks -- fan-in [--reporters 10000] [--deliveries 2] [--concurrency 64] [--rounds 3] [--narrow-run-keys 1000] [--store firestore|sqlite]
/// </summary>
internal static class FanInBenchmark
{
    private const long MaxDocumentBytes = 100 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var reporters = BenchmarkArguments.Int(args, "--reporters", 10_000);
        var deliveries = BenchmarkArguments.Int(args, "--deliveries", 2);
        var concurrency = BenchmarkArguments.Int(args, "--concurrency", 64);
        var rounds = BenchmarkArguments.Int(args, "--rounds", 3);
        var narrowRunKeys = BenchmarkArguments.Int(args, "--narrow-run-keys", 1000);
        var store = BenchmarkArguments.Text(args, "--store", "firestore");
        var directory = Path.Combine(Path.GetTempPath(), "pax-bench-" + Guid.NewGuid().ToString("N"));
        var emulator = await BenchmarkArguments.StartStoreAsync(store);
        try
        {
            var trigger = new OrchestrationBenchmark.TimedTrigger();
            await using var services = OrchestrationBenchmark.Build(emulator, Path.Combine(directory, "wide"), reporters, trigger, new FirestoreCallProfile());
            var narrow = new List<(double PerSecond, int Triggers)>();
            var results = new List<Round>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternating, so that both layouts meet the emulator equally warm and equally full.
                narrow.Add(await NarrowBaselineAsync(emulator, Path.Combine(directory, $"narrow-{round}"), narrowRunKeys, round));
                results.Add(await RunRoundAsync(services, trigger, $"wide-{round:00}", reporters, deliveries, concurrency));
            }

            (string Name, long Bytes, int Documents)? largest = emulator is null ? null : await LargestDocumentAsync(services, "wide-00");
            Report(store, narrowRunKeys, narrow, results, largest, reporters, deliveries, concurrency);
            var ok = narrow.All(n => n.Triggers == narrowRunKeys)
                && results.All(r => r.Triggers == 1 && r.Recorded == reporters && r.Counted == reporters && r.Claims == 1)
                && largest is not { Bytes: > MaxDocumentBytes };
            return ok ? 0 : 1;
        }
        finally
        {
            await BenchmarkArguments.CleanUpAsync(emulator, directory);
        }
    }

    private static async Task<(double PerSecond, int Triggers)> NarrowBaselineAsync(GcloudEmulator? emulator, string directory, int runKeys, int round)
    {
        var trigger = new OrchestrationBenchmark.TimedTrigger();
        await using var services = OrchestrationBenchmark.Build(emulator, directory, 6, trigger, new FirestoreCallProfile());
        var tally = services.GetRequiredService<CompletionTally>();
        var work = Enumerable.Range(0, runKeys)
            .SelectMany(k => Enumerable.Range(0, 6).SelectMany(p => Enumerable.Repeat((Key: $"run-{round}-{k:00000}", Processor: $"p{p}"), 2)))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (d, ct) =>
            await tally.RecordAsync(new CompletionMessage("phase", d.Processor, d.Key, CompletionStatus.Succeeded), ct));
        return (work.Count / Stopwatch.GetElapsedTime(started).TotalSeconds, trigger.Count);
    }

    private static async Task<Round> RunRoundAsync(ServiceProvider services, OrchestrationBenchmark.TimedTrigger trigger, string runKey, int reporters, int deliveries, int concurrency)
    {
        var tally = services.GetRequiredService<CompletionTally>();
        var work = Enumerable.Range(0, reporters)
            .SelectMany(p => Enumerable.Repeat($"task-{p:00000}", deliveries))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var recorded = 0;
        var lastRecordedStart = 0L;
        var triggersBefore = trigger.Count;
        var outcomes = new ConcurrentBag<ReportDisposition>();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (processor, ct) =>
        {
            var begin = Stopwatch.GetTimestamp();
            var receipt = await tally.RecordAsync(new CompletionMessage("phase", processor, runKey, CompletionStatus.Succeeded, $"{processor}/{runKey}"), ct);
            outcomes.Add(receipt.Disposition);
            if (receipt.Disposition == ReportDisposition.Recorded)
            {
                Interlocked.Increment(ref recorded);
                InterlockedMax(ref lastRecordedStart, begin);
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var stored = await services.GetRequiredService<ICompletionStore>().GetAsync("phase", runKey, CancellationToken.None);
        var fired = trigger.FiredAt.TryGetValue(runKey, out var at) ? Stopwatch.GetElapsedTime(lastRecordedStart, at).TotalMilliseconds : double.NaN;
        return new Round(
            work.Count, elapsed, trigger.Count - triggersBefore, recorded, outcomes.Count(o => o == ReportDisposition.Duplicate),
            stored?.Counts?.Succeeded ?? stored?.Completions.Count ?? 0, stored?.Claims ?? 0, fired);
    }

    /// <summary>Reads every document of a wide tally back (its own, its shards, its reports a page at a time) and returns the largest.</summary>
    private static async Task<(string Name, long Bytes, int Documents)> LargestDocumentAsync(ServiceProvider services, string runKey)
    {
        var client = services.GetRequiredService<FirestoreClient>();
        var project = services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Firestore.ProjectId!;
        var head = FirestoreClient.DocumentName(project, "phase_completion", runKey);
        var documents = new List<FirestoreDocument> { (await client.GetDocumentAsync(head))! };
        documents.AddRange(await client.RunQueryAsync(project, head, new FirestoreStructuredQuery { From = [new() { CollectionId = "shards" }] }));
        string? after = null;
        do
        {
            var page = await client.RunQueryAsync(project, head, new FirestoreStructuredQuery
            {
                From = [new() { CollectionId = "reports" }],
                OrderBy = [FirestoreOrder.Ascending("__name__")],
                StartAt = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.Reference(after)] },
                Limit = 1000,
            });
            documents.AddRange(page);
            after = page.Count == 1000 ? page[^1].Name : null;
        }
        while (after is not null);

        var largest = documents.MaxBy(FirestoreDocumentSize.Of)!;
        return (largest.Name!, FirestoreDocumentSize.Of(largest), documents.Count);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static void Report(
        string store, int narrowRunKeys, List<(double PerSecond, int Triggers)> narrow, List<Round> rounds, (string Name, long Bytes, int Documents)? largest, int reporters, int deliveries, int concurrency)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"store={store}; each round runs the narrow baseline ({narrowRunKeys} run keys × 6 processors × 2 deliveries, 32 concurrent), then the wide run (1 run key × {reporters} reporters × {deliveries} deliveries, {concurrency} concurrent)");
        Console.WriteLine("| round | narrow deliveries/s | narrow triggers | wide deliveries | seconds | wide deliveries/s | wide/narrow | triggers | recorded | duplicates | counted by the store | claims | last report → trigger (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            var wide = r.Deliveries / r.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(c, $"| {i + 1} | {narrow[i].PerSecond:0} | {narrow[i].Triggers} | {r.Deliveries} | {r.Elapsed.TotalSeconds:0.0} | {wide:0} | {wide / narrow[i].PerSecond:0.00} | {r.Triggers} | {r.Recorded} | {r.Duplicates} | {r.Counted} | {r.Claims} | {r.LastReportToTriggerMs:0.0} |"));
        }

        Console.WriteLine(string.Create(c, $"last report → trigger, worst of {rounds.Count} rounds (the p99 of so few): {rounds.Max(r => r.LastReportToTriggerMs):0.0} ms"));
        if (largest is { } doc)
        {
            Console.WriteLine(string.Create(c, $"largest of the {doc.Documents} documents of round 1: {doc.Bytes} bytes ({doc.Name[(doc.Name.IndexOf("/documents/", StringComparison.Ordinal) + 11)..]}); limit checked: {MaxDocumentBytes} bytes"));
        }
    }

    private sealed record Round(int Deliveries, TimeSpan Elapsed, int Triggers, int Recorded, int Duplicates, int Counted, int Claims, double LastReportToTriggerMs);
}
