using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Function;

/// <summary>
/// The Function sample end to end on the emulators: completions published to a topic reach it through a real
/// Pub/Sub push subscription, tallies live in the Firestore emulator, and next-phase messages are read back from a
/// pull subscription.
/// </summary>
public sealed class OrchestratorFunctionTests(EmulatorsFixture emulators)
{
    private static readonly string[] Processors = ["a", "b", "c"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Duplicate_and_concurrent_completions_through_a_push_subscription_start_the_next_phase_exactly_once_per_run_key()
    {
        var firestore = await emulators.FirestoreAsync();
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var completions = await admin.CreateTopicAsync("completions-" + suffix, Ct);
        var next = await admin.CreateTopicAsync("next-" + suffix, Ct);
        var nextPull = await admin.CreateSubscriptionAsync("next-pull-" + suffix, next, null, Ct);
        await using var function = await FunctionProcess.StartAsync(Environment(firestore, pubSub, next), Ct);
        await admin.CreateSubscriptionAsync("push-" + suffix, completions, function.BaseAddress, Ct);
        var runKeys = Enumerable.Range(1, 20).Select(i => $"2026-02-{i:00}").ToList();
        var deliveries = runKeys.SelectMany(k => Processors.SelectMany(p => new[] { (k, p), (k, p) })).ToList();

        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (d, ct) =>
            await admin.PublishAsync(completions, PushBodies.Completion(d.p, d.k), null, ct));
        await WaitUntilTriggeredAsync(function, runKeys);
        var messages = await PullAllAsync(admin, nextPull);

        Assert.Equal(runKeys.Count, messages.Count);
        Assert.Equal(runKeys.Order(), messages.Select(m => m.Attributes["runKey"]).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal("phase2", m.Attributes["phase"]);
            Assert.Equal("phase2:" + m.Attributes["runKey"], m.Attributes["idempotencyKey"]);
        });
    }

    [Fact]
    public async Task Malformed_and_oversized_pushes_are_acknowledged_and_the_tally_endpoint_reports_missing_processors()
    {
        var firestore = await emulators.FirestoreAsync();
        var pubSub = await emulators.PubSubAsync();
        await using var function = await FunctionProcess.StartAsync(Environment(firestore, pubSub, "projects/pax-tests/topics/unused-next"), Ct);

        var malformed = await function.Client.PostAsync("/", PushBodies.Json("{\"message\":{\"data\":\"e30=\",\"messageId\":\"1\"}}"), Ct);
        var oversized = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(new string('x', 70_000), "2")), Ct);
        var partial = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "3")), Ct);
        var status = await function.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/k1", Ct);

        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(["b", "c"], status!["missing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(status["triggered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_trigger_that_fails_after_the_claim_is_finished_exactly_once_by_the_watchdog_after_the_lease()
    {
        var firestore = await emulators.FirestoreAsync();
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var nextId = "late-next-" + Guid.NewGuid().ToString("N")[..8];
        var next = $"projects/{EmulatorsFixture.PubSubProject}/topics/{nextId}";
        var environment = Environment(firestore, pubSub, next);
        environment["Pax__Orchestration__ClaimLease"] = "00:00:01";
        environment["Pax__Orchestration__TriggerTimeout"] = "00:00:00.500";
        await using var function = await FunctionProcess.StartAsync(environment, Ct);

        // The next-phase topic does not exist yet: the claim is taken, the publish fails (404), the delivery is still acknowledged.
        foreach (var processor in Processors)
        {
            var response = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion(processor, "k-late"), processor)), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stuck = await function.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/k-late", Ct);
        await admin.CreateTopicAsync(nextId, Ct);
        var pull = await admin.CreateSubscriptionAsync("late-pull-" + Guid.NewGuid().ToString("N")[..8], next, null, Ct);
        var redriven = await WatchdogUntilRedrivenAsync(function);
        var afterwards = await function.Client.PostAsync("/watchdog", null, Ct);
        var messages = await PullAllAsync(admin, pull);

        Assert.Equal("Claimed", stuck!["state"]!.GetValue<string>());
        Assert.False(stuck["triggered"]!.GetValue<bool>());
        Assert.Equal("Triggered", redriven["outcome"]!.GetValue<string>());
        Assert.Empty((await afterwards.Content.ReadFromJsonAsync<JsonObject>(Ct))!["redriven"]!.AsArray());
        Assert.Equal("k-late", Assert.Single(messages).Attributes["runKey"]);
    }

    private static async Task<JsonObject> WatchdogUntilRedrivenAsync(FunctionProcess function)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            using var response = await function.Client.PostAsync("/watchdog", null, deadline.Token);
            var report = (await response.Content.ReadFromJsonAsync<JsonObject>(deadline.Token))!;
            if (report["redriven"]!.AsArray().FirstOrDefault() is JsonObject redriven)
            {
                return redriven;
            }
        }
        while (await poll.WaitForNextTickAsync(deadline.Token));

        throw new TimeoutException("The watchdog did not re-drive the claim.");
    }

    private static Dictionary<string, string> Environment(GcloudEmulator firestore, GcloudEmulator pubSub, string nextTopic) => new()
    {
        ["FIRESTORE_EMULATOR_HOST"] = firestore.HostPort,
        ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
        ["GOOGLE_CLOUD_PROJECT"] = "fn" + Guid.NewGuid().ToString("N")[..12],
        // The phase as deploy/deploy.sh sets it: appsettings.json names none (the phases come from one place).
        ["Pax__Orchestration__Phases__0__Name"] = "phase2",
        ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
        ["Pax__Orchestration__Phases__0__Processors__1"] = "b",
        ["Pax__Orchestration__Phases__0__Processors__2"] = "c",
        ["Pax__Orchestration__Phases__0__Trigger__Topic"] = nextTopic,
        ["Pax__Orchestration__Authentication__Mode"] = "None",
        ["Pax__Scheduling__Authentication__Mode"] = "None",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static async Task WaitUntilTriggeredAsync(FunctionProcess function, IReadOnlyList<string> runKeys)
    {
        var pending = new ConcurrentDictionary<string, bool>(runKeys.Select(k => KeyValuePair.Create(k, true)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!pending.IsEmpty)
        {
            foreach (var key in pending.Keys)
            {
                var status = await function.Client.GetFromJsonAsync<JsonObject>($"/tallies/phase2/{key}", deadline.Token);
                if (status!["triggered"]!.GetValue<bool>())
                {
                    pending.TryRemove(key, out _);
                }
            }

            if (!pending.IsEmpty && !await poll.WaitForNextTickAsync(deadline.Token))
            {
                break;
            }
        }

        Assert.True(pending.IsEmpty, $"Not triggered: {string.Join(", ", pending.Keys)}\n{function.Output}");
    }

    private static async Task<List<PulledMessage>> PullAllAsync(PubSubEmulatorAdmin admin, string subscription)
    {
        var all = new List<PulledMessage>();
        var emptyPulls = 0;
        while (emptyPulls < 3)
        {
            var batch = await admin.PullAsync(subscription, 100, Ct);
            all.AddRange(batch);
            emptyPulls = batch.Count == 0 ? emptyPulls + 1 : 0;
        }

        return all;
    }
}
