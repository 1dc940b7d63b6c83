using System.Diagnostics;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Processor;

/// <summary>The Pax.Processor sample (the pax-processor template) as a Cloud Run Job runs it, against the Pub/Sub emulator.</summary>
public sealed class ProcessorSampleTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_reports_succeeded_for_its_run_key_on_the_completions_topic_in_the_contract_the_intake_reads()
    {
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topic = await admin.CreateTopicAsync("completions-" + suffix, Ct);
        var pull = await admin.CreateSubscriptionAsync("completions-pull-" + suffix, topic, null, Ct);

        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = topic,
            ["PAX_COMPLETION_PHASE"] = "phase2",
            ["CLOUD_RUN_TASK_INDEX"] = "3",
        });

        Assert.True(exit == 0, output);
        var message = Assert.Single(await admin.PullAsync(pull, 10, Ct));
        var body = JsonNode.Parse(message.Data)!;
        Assert.Equal("phase2", body["phase"]!.GetValue<string>());
        Assert.Equal("processor/3", body["processor"]!.GetValue<string>());
        Assert.Equal("2026-02-10", body["runKey"]!.GetValue<string>());
        Assert.Equal("succeeded", body["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "projects/p/topics/t", "PAX_RUN_KEY is not set")]
    [InlineData("2026-02-10", "my-topic", "PAX_COMPLETION_TOPIC must be projects/PROJECT/topics/TOPIC, not 'my-topic'.")]
    public async Task Bad_settings_exit_2_with_one_error_line_and_publish_nothing(string runKey, string topic, string expected)
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:9",
            ["PAX_RUN_KEY"] = runKey,
            ["PAX_COMPLETION_TOPIC"] = topic,
        });

        Assert.Equal(2, exit);
        Assert.Contains("error: " + expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_in_the_GoogleCloud_section_exits_2_with_one_error_line_naming_the_key()
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:9",
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_COMPLETION_TOPIC"] = "projects/p/topics/t",
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
            ["PAX_COMPLETION_TOPIC"] = "projects/p/topics/t",
        });

        Assert.Equal(2, exit);
        var entry = JsonNode.Parse(output.Trim())!;
        Assert.Equal("CRITICAL", entry["severity"]!.GetValue<string>());
        Assert.StartsWith("PAX_RUN_KEY is not set", entry["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("my-processor", entry["serviceContext"]!["service"]!.GetValue<string>());
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(FunctionProcess.RepositoryRoot(), "samples", "Pax.Processor", "bin", "Debug", "net10.0", "Pax.Processor.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
