using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Demo;
using Pax.Orchestration.Completion;

namespace Pax.IntegrationTests.Demo;

/// <summary>The demo's entry point (<see cref="DemoApp.RunAsync"/>, what <c>dotnet run --project samples/Pax.Demo</c> calls), run in-process.</summary>
public sealed class DemoAppTests : IDisposable
{
    private const string Slot = "2026-02-10T14:44:00Z";
    private const string RunKey = "2026-02-10T14:30:00Z";
    private readonly string _out = Path.Combine(Path.GetTempPath(), "pax-demo-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SlotFolder => Path.Combine(_out, "2026-02-10", "1430");

    [Fact]
    public async Task One_run_stores_the_snapshots_triggers_each_phase_once_writes_the_contact_sheet_and_talks_to_nothing_but_loopback()
    {
        using var http = new OutboundHttpRecorder();
        var run = new DemoRun();

        var exitCode = await run.RunAsync("--out", _out, "--slot", Slot);

        Assert.True(exitCode == DemoApp.Success, $"exit {exitCode}: {run.Error}\n{run.Output}");
        var snapshots = Directory.GetFiles(SlotFolder, "*.jpg").Select(Path.GetFileName).ToList();
        Assert.Equal(82, snapshots.Count);   // the simulator's purple-corridor cameras, split over the two tasks
        Assert.True(File.Exists(Path.Combine(SlotFolder, "report-task-0.json")) && File.Exists(Path.Combine(SlotFolder, "report-task-1.html")));

        // One trigger per phase, by the library's own log event 4005 (Triggered).
        Assert.Equal(["collect", "contact-sheet"], run.TriggeredPhases().Order(StringComparer.Ordinal));

        // Phase 2's processor wrote the contact sheet beside the reports, naming every snapshot.
        var contactSheet = await File.ReadAllTextAsync(Path.Combine(SlotFolder, "index.html"), Ct);
        Assert.All(snapshots, s => Assert.Contains($"src=\"{s}\"", contactSheet, StringComparison.Ordinal));
        Assert.Contains("report-task-0.html", contactSheet, StringComparison.Ordinal);
        using (var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(SlotFolder, "report-task-0.json"), Ct)))
        {
            var name = report.RootElement.GetProperty("cameras")[0].GetProperty("name").GetString()!;
            Assert.Contains($"<figcaption>{WebUtility.HtmlEncode(name)}</figcaption>", contactSheet, StringComparison.Ordinal);
        }

        // The tally says so too (read back from the demo's SQLite file by a fresh orchestrator).
        await using (var tallies = TallyReader.Open(Path.Combine(_out, "orchestration.db")))
        {
            var collect = await tallies.Tally.GetStatusAsync("collect", RunKey, Ct);
            var contact = await tallies.Tally.GetStatusAsync("contact-sheet", RunKey, Ct);
            Assert.True(collect!.Triggered && contact!.Triggered);
            Assert.Equal(["collector/0", "collector/1"], collect.Completed);
            Assert.Equal(["contact-sheet"], contact!.Completed);

            // What the tasks reported is the collector's own message (details and all), under a Pub/Sub-style message id.
            var stored = await tallies.Store.GetAsync("collect", RunKey, Ct);
            Assert.All(stored!.Completions.Values, c =>
            {
                Assert.Contains("eligible cameras stored", c.Details, StringComparison.Ordinal);
                Assert.True(ulong.TryParse(c.MessageId, out _), c.MessageId);
            });
        }

        // The summary shows the order: both tasks report, then phase 2 starts, then the last phase.
        var lines = run.Output.ToString().Split('\n');
        int Line(string actor, string text) => Array.FindIndex(lines, l => l.Contains($" {actor} ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));
        var reports = new[] { Line("collector/0", "reports succeeded"), Line("collector/1", "reports succeeded") };
        var contactSheetStarts = Line("contact-sheet", "started by the trigger of phase 'collect'");
        var slotReadyStarts = Line("slot-ready", "started by the trigger of phase 'contact-sheet'");
        Assert.True(reports.All(r => r >= 0) && reports.Max() < contactSheetStarts && contactSheetStarts < slotReadyStarts, run.Output.ToString());

        Assert.Contains("triggered once", run.Output.ToString(), StringComparison.Ordinal);
        Assert.Contains(Path.Combine(SlotFolder, "index.html"), run.Output.ToString(), StringComparison.Ordinal);

        // Offline: the camera requests went to the loopback simulator, and nothing left the machine.
        var requests = http.Requests.ToList();
        Assert.True(requests.Count >= 82, $"only {requests.Count} HTTP requests were seen; the recorder is not working");
        Assert.All(requests, uri => Assert.True(uri.IsLoopback, $"{uri} is not loopback"));
    }

    [Fact]
    public async Task The_summary_prints_the_slot_s_trace_as_one_tree_over_both_phases()
    {
        var run = new DemoRun();

        Assert.Equal(DemoApp.Success, await run.RunAsync("--out", _out, "--slot", Slot));

        var output = run.Output.ToString();
        var (traceId, tree) = PrintedTrace(output);
        int Find(string start) => tree.FindIndex(n => n.Text.StartsWith(start, StringComparison.Ordinal));
        string Parent(string start) => Ancestors(tree, Find(start)).First();

        // The slot is the root; both collector tasks (phase 1's processors) are its children.
        Assert.Equal(1, tree[0].Depth);
        Assert.StartsWith($"slot {RunKey} ", tree[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, tree.Count(n => n.Depth == 2 && n.Text.StartsWith("collector run (task ", StringComparison.Ordinal)));

        // Phase 1's trigger runs inside the report that completed the phase: its tally record, the intake, the publish, a collector task.
        Assert.Equal(
            ["tally record collect (collector/", "process ", "completions create", "collector run (task ", "slot "],
            Ancestors(tree, Find("trigger collect")).Select(Prefix));

        // The next phase runs inside the trigger, its report leads to phase 2's trigger, which starts the last phase.
        Assert.StartsWith("trigger collect", Parent("next phase contact-sheet"), StringComparison.Ordinal);
        Assert.Contains(Ancestors(tree, Find("trigger contact-sheet")), a => a.StartsWith("next phase contact-sheet", StringComparison.Ordinal));
        Assert.StartsWith("tally record contact-sheet", Parent("trigger contact-sheet"), StringComparison.Ordinal);
        Assert.StartsWith("trigger contact-sheet", Parent("next phase slot-ready"), StringComparison.Ordinal);

        // The printed trace is the one the tally kept for every report and both triggers (the dashboard shows them).
        await using var tallies = TallyReader.Open(Path.Combine(_out, "orchestration.db"));
        foreach (var phase in new[] { "collect", "contact-sheet" })
        {
            var stored = await tallies.Store.GetAsync(phase, RunKey, Ct);
            Assert.StartsWith($"00-{traceId}-", stored!.TriggerTraceParent, StringComparison.Ordinal);
            Assert.All(stored.Completions.Values, c => Assert.StartsWith($"00-{traceId}-", c.TraceParent, StringComparison.Ordinal));
        }

        static string Prefix(string text) => new[] { "tally record collect (collector/", "process ", "completions create", "collector run (task ", "slot " }
            .FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal)) ?? text;
    }

    [Fact]
    public async Task A_second_run_of_the_same_slot_stores_nothing_twice_and_triggers_nothing_again()
    {
        Assert.Equal(DemoApp.Success, await new DemoRun().RunAsync("--out", _out, "--slot", Slot));
        var before = Directory.GetFiles(SlotFolder, "*.jpg").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var again = new DemoRun();

        var exitCode = await again.RunAsync("--out", _out, "--slot", Slot);

        Assert.Equal(DemoApp.Success, exitCode);
        Assert.Empty(again.TriggeredPhases());
        Assert.Equal(before, Directory.GetFiles(SlotFolder, "*.jpg").ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Contains("triggered by an earlier run of this slot", again.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_serve_the_orchestrator_endpoints_answer_until_cancelled()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = new DemoRun { Cancellation = stop.Token, Serving = urls => serving.TrySetResult(urls.First()) };

        var running = run.RunAsync("--out", _out, "--slot", Slot, "--serve", "--urls", "http://127.0.0.1:0");
        var url = await serving.Task.WaitAsync(Ct);
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(url) };
        var tally = await client.GetFromJsonAsync<JsonObject>($"tallies/contact-sheet/{RunKey}", Ct);
        var health = await client.GetStringAsync("healthz", Ct);
        var tick = await client.PostAsync("cron/tick", null, Ct);
        var dashboard = await client.GetStringAsync("pax", Ct);
        var phases = await client.GetFromJsonAsync<JsonNode>("pax/api/phases", Ct);
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.True(tally!["triggered"]!.GetValue<bool>());
        Assert.Equal("ok", health);
        Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
        Assert.Contains("contact-sheet", dashboard, StringComparison.Ordinal);
        Assert.Contains(RunKey, dashboard, StringComparison.Ordinal);
        Assert.Contains(RunKey, phases!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(DemoApp.Success, exitCode);
    }

    [Fact]
    public async Task A_wrong_flag_is_one_error_line_and_exit_2()
    {
        var run = new DemoRun();

        Assert.Equal(DemoApp.Failed, await run.RunAsync("--slot", "yesterday"));
        Assert.StartsWith("error: --slot 'yesterday' is not an ISO-8601 instant", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5090")]
    [InlineData("http://[::]:5090")]
    [InlineData("http://192.168.1.10:5090")]
    [InlineData("http://example.com:5090")]
    [InlineData("http://*:5090")]
    [InlineData("http://+:5090")]
    [InlineData("http://127.0.0.1:5090;http://0.0.0.0:5091")]
    public async Task Urls_off_loopback_are_refused_with_one_error_line_and_exit_2_before_anything_runs(string urls)
    {
        var run = new DemoRun();

        Assert.Equal(DemoApp.Failed, await run.RunAsync("--out", _out, "--slot", Slot, "--serve", "--urls", urls));

        var error = run.Error.ToString();
        Assert.StartsWith("error: --urls '", error, StringComparison.Ordinal);
        Assert.Contains("localhost or a loopback address", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(_out));
    }

    /// <summary>Loopback URLs Kestrel cannot serve: they used to pass the check, run the whole slot and then crash (exit 134) when --serve bound them.</summary>
    [Theory]
    [InlineData("https://127.0.0.1:5094", "the demo has no certificate", "use http://127.0.0.1:5094")]
    [InlineData("http://[::ffff:127.0.0.1]:5093", "IPv4-mapped IPv6 address", "use http://127.0.0.1:5093")]
    [InlineData("http://127.0.0.1:5090;https://localhost:5091", "the demo has no certificate", "use http://localhost:5091")]
    public async Task Urls_that_cannot_be_served_are_refused_with_one_line_naming_the_fix_and_exit_2_before_anything_runs(string urls, string why, string fix)
    {
        var run = new DemoRun();

        Assert.Equal(DemoApp.Failed, await run.RunAsync("--out", _out, "--slot", Slot, "--serve", "--urls", urls));

        var error = Assert.Single(run.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --urls '", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.Contains(fix, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public async Task A_port_in_use_for_serve_is_one_error_line_and_exit_2_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var urls = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        var run = new DemoRun();

        Assert.Equal(DemoApp.Failed, await run.RunAsync("--out", _out, "--slot", Slot, "--serve", "--urls", urls));

        var error = Assert.Single(run.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Failed to bind to address {urls}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error.ToString(), StringComparison.Ordinal);

        // The whole exception, stack and all, goes to the failure log at Debug level.
        var detail = Assert.Single(run.FailureLog.GetSnapshot());
        Assert.Equal((LogLevel.Debug, "Pax.Demo"), (detail.Level, detail.Category));
        Assert.NotNull(detail.Exception?.StackTrace);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    /// <summary>One in-process run of the demo with captured output and the library's log events.</summary>
    /// <summary>Reads the printed trace: its id, then each span line with its depth (each level of the tree is 4 columns).</summary>
    private static (string TraceId, List<(int Depth, string Text)> Tree) PrintedTrace(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.True(header >= 0, output);
        var traceId = lines[header]["Trace ".Length..].Split(':')[0];
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var tree = new List<(int Depth, string Text)>();
        foreach (var line in lines.Skip(header + 1).TakeWhile(l => !l.TrimStart().StartsWith("Send it", StringComparison.Ordinal) && !l.TrimStart().StartsWith("Exported", StringComparison.Ordinal)))
        {
            var start = line.TakeWhile(c => !char.IsLetterOrDigit(c)).Count();
            tree.Add((start / 4, line[start..]));
        }

        return (traceId, tree);
    }

    /// <summary>The lines a span line of the printed tree is nested in, nearest first.</summary>
    private static List<string> Ancestors(List<(int Depth, string Text)> tree, int index)
    {
        Assert.True(index >= 0, "the span is not in the printed trace");
        var ancestors = new List<string>();
        var depth = tree[index].Depth;
        for (var i = index - 1; i >= 0 && depth > 1; i--)
        {
            if (tree[i].Depth < depth)
            {
                depth = tree[i].Depth;
                ancestors.Add(tree[i].Text);
            }
        }

        return ancestors;
    }

    private sealed class DemoRun
    {
        private readonly FakeLogCollector _logs = FakeLogCollector.Create(new FakeLogCollectorOptions());

        public StringWriter Output { get; } = new();

        public StringWriter Error { get; } = new();

        public CancellationToken? Cancellation { get; init; }

        public Action<IReadOnlyCollection<string>>? Serving { get; init; }

        /// <summary>Gets what the run logged to its failure log (<see cref="DemoEnvironment.CreateFailureLog"/>).</summary>
        public FakeLogCollector FailureLog { get; } = FakeLogCollector.Create(new FakeLogCollectorOptions());

        public Task<int> RunAsync(params string[] args) => DemoApp.RunAsync(
            args,
            new DemoEnvironment
            {
                Output = Output,
                Error = Error,
                Serving = Serving,
                CreateFailureLog = () => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(FailureLog))),
                ConfigureServices = services => services.AddLogging(b =>
                {
                    b.AddProvider(new FakeLoggerProvider(_logs));
                    b.AddFilter<FakeLoggerProvider>(null, LogLevel.Information);
                }),
            },
            Cancellation ?? Ct);

        /// <summary>The phases after which this run triggered the next one (log event 4005, Triggered), once per trigger.</summary>
        public IEnumerable<string> TriggeredPhases() =>
            _logs.GetSnapshot().Where(r => r.Id.Id == 4005).Select(r => r.StructuredState!.Single(p => p.Key == "Phase").Value!);
    }

    /// <summary>A fresh orchestrator over the demo's tally file, to read what the demo stored.</summary>
    private sealed class TallyReader : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private TallyReader(ServiceProvider services) => _services = services;

        public CompletionTally Tally => _services.GetRequiredService<CompletionTally>();

        public ICompletionStore Store => _services.GetRequiredService<ICompletionStore>();

        public static TallyReader Open(string path)
        {
            var services = new ServiceCollection().AddPaxOrchestration(o =>
            {
                o.Store = Pax.Orchestration.Stores.OrchestrationStoreKind.Sqlite;
                o.Sqlite.Path = path;
                o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
                o.Phases.Add(new PhaseDefinition { Name = "collect", Processors = ["collector/0", "collector/1"], Trigger = new() { Topic = "projects/p/topics/unused" } });
                o.Phases.Add(new PhaseDefinition { Name = "contact-sheet", Processors = ["contact-sheet"], Trigger = new() { Topic = "projects/p/topics/unused" } });
            });
            return new TallyReader(services.BuildServiceProvider());
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
