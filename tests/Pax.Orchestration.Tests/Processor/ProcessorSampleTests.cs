using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;
using Pax.TestSupport.Otlp;
using Pax.TestSupport.Processes;

namespace Pax.Orchestration.Tests.Processor;

/// <summary>
/// The Pax.Processor sample (the pax-processor template) as a Cloud Run Job runs it, in its own process: every failure
/// mode it can meet is one <c>error:</c> line (one CRITICAL entry on Cloud Run) and a documented exit code.
/// </summary>
public sealed class ProcessorSampleTests(EmulatorsFixture emulators)
{
    private const string ValidTopic = "projects/p/topics/phase2-completions";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_reports_succeeded_under_the_name_in_its_settings_in_the_contract_the_intake_reads()
    {
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topic = await admin.CreateTopicAsync("completions-" + suffix, Ct);
        var pull = await admin.CreateSubscriptionAsync("completions-pull-" + suffix, topic, null, Ct);

        // No PAX_PROCESSOR: the name is appsettings.json's (the template's --processor), whatever the task index.
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = topic,
            ["CLOUD_RUN_TASK_INDEX"] = "3",
        });

        Assert.True(exit == 0, output);
        var message = Assert.Single(await admin.PullAsync(pull, 10, Ct));
        var body = JsonNode.Parse(message.Data)!;
        Assert.Equal("phase2", body["phase"]!.GetValue<string>());
        Assert.Equal("a", body["processor"]!.GetValue<string>());
        Assert.Equal("2026-02-10", body["runKey"]!.GetValue<string>());
        Assert.Equal("succeeded", body["status"]!.GetValue<string>());
        Assert.DoesNotContain("error:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_the_run_span_in_the_trigger_s_trace_is_exported_before_the_task_exits()
    {
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var topic = await admin.CreateTopicAsync("completions-otlp-" + Guid.NewGuid().ToString("N")[..8], Ct);
        await using var collector = await FakeOtlpReceiver.StartAsync(Ct);
        // A trace id whose 16 bytes are ASCII ("pax-trace-000001"), so it can be found in the protobuf as text.
        const string Trace = "7061782d74726163652d303030303031";

        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = topic,
            ["TRACEPARENT"] = $"00-{Trace}-00f067aa0ba902b7-01",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["CLOUD_RUN_JOB"] = "pax-processor-test",
        });

        Assert.True(exit == 0, output);

        // Flushed when the export was disposed at the end of Program.cs, not by the SDK's 5 s schedule.
        await collector.WaitForExportAsync("/v1/traces", "processor run a", Ct);
        await collector.WaitForExportAsync("/v1/traces", "pax-trace-000001", Ct);
        await collector.WaitForExportAsync("/v1/traces", "pax-processor-test", Ct);
    }

    [Theory]
    [InlineData("", ValidTopic, "PAX_RUN_KEY is not set: name the run key to process")]
    [InlineData("a/b", ValidTopic, "PAX_RUN_KEY: runKey 'a/b' must be 1-500 characters without '/'")]
    [InlineData("2026-02-10", "my-topic", "Pax:Processor:CompletionTopic (PAX_COMPLETION_TOPIC) must be projects/PROJECT/topics/TOPIC, not 'my-topic'.")]
    public async Task Bad_settings_exit_2_with_one_error_line_and_publish_nothing(string runKey, string topic, string expected)
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:9",
            ["PAX_RUN_KEY"] = runKey,
            ["PAX_COMPLETION_TOPIC"] = topic,
        });

        Assert.Equal(2, exit);
        Assert.StartsWith("error: " + expected, OneErrorLine(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_in_the_GoogleCloud_section_exits_2_with_one_error_line_naming_the_key()
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:9",
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["GoogleCloud__Retry__MaxDelay"] = "5m",
        });

        Assert.Equal(2, exit);
        Assert.Equal("error: GoogleCloud:Retry:MaxDelay = '5m' is not a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss.", output.Trim());
    }

    [Fact]
    public async Task On_Cloud_Run_bad_settings_are_one_critical_log_entry()
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["CLOUD_RUN_JOB"] = "my-processor",
            ["PAX_RUN_KEY"] = string.Empty,
        });

        Assert.Equal(2, exit);
        var entry = JsonNode.Parse(output.Trim())!;
        Assert.Equal("CRITICAL", entry["severity"]!.GetValue<string>());
        Assert.StartsWith("PAX_RUN_KEY is not set", entry["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("my-processor", entry["serviceContext"]!["service"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_completions_topic_that_does_not_exist_exits_3_with_one_line_saying_how_to_create_it()
    {
        var pubSub = await emulators.PubSubAsync();
        var topic = $"projects/{EmulatorsFixture.PubSubProject}/topics/missing-{Guid.NewGuid():N}";

        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = topic,
        });

        Assert.Equal(3, exit);
        Assert.Equal(
            $"error: The succeeded report for run key 2026-02-10 (processor a) was not published, so the orchestrator does not know of this run: the completions topic {topic} does not exist (Pub/Sub answered 404 NOT_FOUND). Create it (gcloud pubsub topics create {topic.Split('/')[^1]} --project={EmulatorsFixture.PubSubProject}) or set Pax:Processor:CompletionTopic (PAX_COMPLETION_TOPIC) to the orchestrator's completions topic. A retried task publishes it again.",
            OneErrorLine(output));
    }

    [Fact]
    public async Task On_Cloud_Run_a_missing_topic_is_one_critical_log_entry()
    {
        var pubSub = await emulators.PubSubAsync();

        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["CLOUD_RUN_JOB"] = "my-processor",
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = $"projects/{EmulatorsFixture.PubSubProject}/topics/missing-{Guid.NewGuid():N}",
        });

        Assert.Equal(3, exit);
        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var critical = Assert.Single(entries, e => (string?)e["severity"] is "CRITICAL" or "ERROR");
        Assert.Contains("does not exist (Pub/Sub answered 404 NOT_FOUND)", (string?)critical["message"], StringComparison.Ordinal);
        Assert.Equal("my-processor", (string?)critical["serviceContext"]!["service"]);
    }

    [Fact]
    public async Task Pub_Sub_out_of_reach_exits_3_with_one_line()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();   // nothing listens there: connections are refused

        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = $"127.0.0.1:{port}",
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["GoogleCloud__Retry__MaxRetryAttempts"] = "1",
            ["GoogleCloud__Retry__InitialDelay"] = "00:00:00",
        });

        Assert.Equal(3, exit);
        Assert.StartsWith("error: The succeeded report for run key 2026-02-10 (processor a) was not published, so the orchestrator does not know of this run: ", OneErrorLine(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_while_Pub_Sub_does_not_answer_exits_3_within_the_grace_with_one_line()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sends SIGTERM with kill(1)");
        using var silent = new TcpListener(IPAddress.Loopback, 0);   // accepts the publish and never answers
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var watch = Stopwatch.StartNew();
        var running = RunAsync(
            new Dictionary<string, string> { ["PUBSUB_EMULATOR_HOST"] = $"127.0.0.1:{port}", ["PAX_RUN_KEY"] = "2026-02-10" },
            async process =>
            {
                using var publish = await silent.AcceptTcpClientAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);   // as Cloud Run at the task timeout
                await kill.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
                Assert.Equal(0, kill.ExitCode);
            });
        var (exit, output) = await running;

        Assert.Equal(3, exit);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(40));
        Assert.Equal(
            "error: The succeeded report for run key 2026-02-10 (processor a) was not published, so the orchestrator does not know of this run: Pub/Sub did not answer within the 8 s left after SIGTERM (Cloud Run stops the task 10 s after it). A retried task publishes it again.",
            OneErrorLine(output));
    }

    private static string OneErrorLine(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        return Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal)).TrimEnd('\r');
    }

    private static Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, Func<Process, Task>? whileRunning = null)
    {
        var variables = new Dictionary<string, string>(environment);
        variables.TryAdd("PAX_COMPLETION_TOPIC", ValidTopic);
        return SampleProcess.RunAsync(SampleProcess.Dll("Pax.Processor"), [], variables, TimeSpan.FromSeconds(60), Ct, whileRunning);
    }
}
