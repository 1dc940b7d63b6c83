using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collection.Hosting;
using Pax.GoogleCloud;
using Pax.TestSupport.Emulators;

namespace Pax.IntegrationTests.Collector;

public sealed class CollectorCompletionTests
{
    private const string Project = "pax-collector-tests";

    [Fact]
    public async Task Each_task_publishes_its_completion_for_the_slot_to_the_topic()
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await using var pubSub = await GcloudEmulator.StartPubSubAsync(Project, ct);
        using var admin = new PubSubEmulatorAdmin(pubSub, Project);
        var topic = await admin.CreateTopicAsync("collector-done", ct);
        var subscription = await admin.CreateSubscriptionAsync("collector-done-pull", topic, pushEndpoint: null, ct);
        await using var simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 90, Seed = 9 }, cancellationToken: ct);
        var root = Path.Combine(Path.GetTempPath(), "pax-completion-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var index = 0; index < 2; index++)
            {
                var run = new CollectorRun { ConfigureServices = s => s.Configure<GoogleCloudOptions>(o => o.PubSubEmulatorHost = pubSub.HostPort) };
                run.Variables["CLOUD_RUN_TASK_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                run.Variables["CLOUD_RUN_TASK_COUNT"] = "2";
                run.Variables["PAX_COMPLETION_TOPIC"] = topic;
                Assert.Equal(CollectorExitCodes.Success, await run.RunAsync("--camera-api", simulator.BaseAddress.ToString(), "--sink", root, "--slot", "2026-02-10T14:44:00Z", "--completion-phase", "collect"));
            }

            var messages = await admin.PullAsync(subscription, 10, ct);

            Assert.Equal(["collector/0", "collector/1"], messages.Select(m => m.Attributes["processor"]).Order(StringComparer.Ordinal));
            Assert.All(messages, m =>
            {
                Assert.Equal("2026-02-10T14:30:00Z", m.Attributes["runKey"]);
                Assert.Equal("succeeded", m.Attributes["status"]);
                Assert.Equal("collect", m.Attributes["phase"]);
                using var data = JsonDocument.Parse(m.Data);
                Assert.Equal(m.Attributes["processor"], data.RootElement.GetProperty("processor").GetString());
                Assert.Equal("2026-02-10T14:30:00Z", data.RootElement.GetProperty("runKey").GetString());
                Assert.Equal("succeeded", data.RootElement.GetProperty("status").GetString());
            });
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task An_invalid_topic_is_rejected_at_startup()
    {
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync("--completion-topic", "collector-done", "--camera-api", "http://127.0.0.1:1/"));

        Assert.Contains("Pax:Collection:CompletionTopic", run.Error.ToString(), StringComparison.Ordinal);
    }
}
