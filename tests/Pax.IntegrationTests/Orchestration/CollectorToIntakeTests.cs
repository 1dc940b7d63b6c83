using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collection.Hosting;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.IntegrationTests.Collector;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.TestSupport.Emulators;

namespace Pax.IntegrationTests.Orchestration;

/// <summary>
/// The collector's completion message (Pax.Collection) against the orchestrator's intake (Pax.Orchestration): the
/// collector sample publishes to a topic on the Pub/Sub emulator, a push subscription delivers to the intake, and the
/// tally lives in the Firestore emulator — no hand-written message in between.
/// </summary>
public sealed class CollectorToIntakeTests
{
    private const string Project = "pax-intake-tests";
    private const string Slot = "2026-02-10T14:30:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_intake_tallies_each_collector_task_and_a_phase_expecting_the_task_count_triggers_once_all_reported()
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var pubSub = await GcloudEmulator.StartPubSubAsync(Project, Ct);
        await using var firestore = await GcloudEmulator.StartFirestoreAsync(Ct);
        using var admin = new PubSubEmulatorAdmin(pubSub, Project);
        var completions = await admin.CreateTopicAsync("collector-done", Ct);
        var next = await admin.CreateTopicAsync("collect-next", Ct);
        var nextPull = await admin.CreateSubscriptionAsync("collect-next-pull", next, null, Ct);
        await using var intake = await IntakeHost.StartAsync(firestore, pubSub, o =>
            o.Phases.Add(new PhaseDefinition { Name = "collect", ExpectedCount = 2, Trigger = new PhaseTriggerOptions { Topic = next } }), Ct);
        await admin.CreateSubscriptionAsync("collector-done-push", completions, intake.BaseAddress, Ct);
        await using var simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 40, Seed = 4 }, cancellationToken: Ct);
        var root = Path.Combine(Path.GetTempPath(), "pax-intake-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunCollectorTaskAsync(0, simulator, pubSub, completions, root);
            var afterFirst = await WaitForTallyAsync(intake, s => s["completed"]!.AsArray().Count == 1);
            await RunCollectorTaskAsync(1, simulator, pubSub, completions, root);
            var afterAll = await WaitForTallyAsync(intake, s => s["triggered"]!.GetValue<bool>());
            var triggers = await PullAllAsync(admin, nextPull);
            var document = await intake.Services.GetRequiredService<FirestoreClient>()
                .GetDocumentAsync(FirestoreClient.DocumentName(intake.FirestoreProject, "collect_completion", Slot), Ct);

            Assert.Equal(["collector/0"], Strings(afterFirst["completed"]));
            Assert.False(afterFirst["triggered"]!.GetValue<bool>());
            Assert.Equal(1, afterFirst["missingCount"]!.GetValue<int>());
            Assert.Equal(["collector/0", "collector/1"], Strings(afterAll["completed"]));
            Assert.Empty(Strings(afterAll["failed"]));
            var trigger = Assert.Single(triggers);
            Assert.Equal(("collect", Slot, "collect:" + Slot), (trigger.Attributes["phase"], trigger.Attributes["runKey"], trigger.Attributes["idempotencyKey"]));
            using var data = JsonDocument.Parse(trigger.Data);
            Assert.Equal(["collector/0", "collector/1"], data.RootElement.GetProperty("completed").EnumerateArray().Select(e => e.GetString()));

            // The processor names hold '/': each must be one top-level field (quoted in the update mask), not a map "collector" with a field "0".
            Assert.NotNull(document?.Fields);
            Assert.DoesNotContain("collector", document.Fields.Keys);
            Assert.All(["collector/0", "collector/1"], name =>
            {
                var fields = document.Fields[name].MapValue!.Fields!;
                Assert.Equal("succeeded", fields["status"].StringValue);
                Assert.Contains("eligible cameras stored", fields["details"].StringValue, StringComparison.Ordinal);
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

    private static async Task RunCollectorTaskAsync(int index, CameraSimulatorServer simulator, GcloudEmulator pubSub, string topic, string root)
    {
        var run = new CollectorRun { ConfigureServices = s => s.Configure<GoogleCloudOptions>(o => o.PubSubEmulatorHost = pubSub.HostPort) };
        run.Variables["CLOUD_RUN_TASK_INDEX"] = index.ToString(CultureInfo.InvariantCulture);
        run.Variables["CLOUD_RUN_TASK_COUNT"] = "2";
        run.Variables["PAX_COMPLETION_TOPIC"] = topic;
        run.Variables["PAX_COMPLETION_PHASE"] = "collect";
        var exitCode = await run.RunAsync("--camera-api", simulator.BaseAddress.ToString(), "--sink", root, "--slot", "2026-02-10T14:44:00Z");
        Assert.True(exitCode == CollectorExitCodes.Success, $"collector task {index} exited {exitCode}: {run.Error}");
    }

    private static async Task<JsonObject> WaitForTallyAsync(IntakeHost intake, Func<JsonObject, bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        JsonObject? status = null;
        try
        {
            do
            {
                status = (await intake.Client.GetFromJsonAsync<JsonObject>($"tallies/collect/{Slot}", deadline.Token))!;
                if (condition(status))
                {
                    return status;
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            // The 60-second deadline passed: report the last state seen.
        }

        throw new TimeoutException($"The tally never reached the expected state; last seen: {status}");
    }

    private static async Task<List<PulledMessage>> PullAllAsync(PubSubEmulatorAdmin admin, string subscription)
    {
        var all = new List<PulledMessage>();
        for (var emptyPulls = 0; emptyPulls < 3;)
        {
            var batch = await admin.PullAsync(subscription, 100, Ct);
            all.AddRange(batch);
            emptyPulls = batch.Count == 0 ? emptyPulls + 1 : 0;
        }

        return all;
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
