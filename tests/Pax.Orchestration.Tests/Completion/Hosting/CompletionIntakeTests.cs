using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Hosting;

public sealed class CompletionIntakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrapped_push_envelope_is_recorded_and_completes_the_phase()
    {
        await using var server = await OrchestratorServer.StartAsync();

        var first = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "2026-02-10"), "1")), Ct);
        var second = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "2026-02-10"), "2")), Ct);
        var duplicate = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "2026-02-10"), "2")), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("recorded", (await Answer(second))["outcome"]!.GetValue<string>());
        Assert.Equal("duplicate", (await Answer(duplicate))["outcome"]!.GetValue<string>());
        Assert.Equal("2026-02-10", Assert.Single(server.Trigger.Calls).RunKey);
    }

    [Fact]
    public async Task Attributes_win_over_data_and_phase_may_be_omitted_with_one_phase()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var attributes = new Dictionary<string, string> { ["processor"] = "a", ["runKey"] = "k-attr" };

        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k-data", phase: null), "1", attributes)), Ct);
        var status = await server.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/k-attr", Ct);

        Assert.Equal("recorded", (await Answer(response))["outcome"]!.GetValue<string>());
        Assert.Equal("a", status!["completed"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("b", status["missing"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task An_unwrapped_push_reads_the_raw_data_and_metadata_headers()
    {
        await using var server = await OrchestratorServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{\"status\":\"succeeded\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("x-goog-pubsub-message-id", "77");
        request.Headers.Add("processor", "a");
        request.Headers.Add("runKey", "k1");

        var response = await server.Client.SendAsync(request, Ct);
        var tally = await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct);

        Assert.Equal("recorded", (await Answer(response))["outcome"]!.GetValue<string>());
        Assert.Equal("77", tally!.Completions["a"].MessageId);
    }

    [Fact]
    public async Task An_Eventarc_CloudEvent_in_binary_mode_is_recorded()
    {
        await using var server = await OrchestratorServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "ce-1")) };
        request.Headers.Add("ce-id", "ce-1");
        request.Headers.Add("ce-source", "//pubsub.googleapis.com/projects/p/topics/completions");
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-type", "google.cloud.pubsub.topic.v1.messagePublished");
        request.Headers.Add("ce-time", "2026-02-10T05:59:58.123Z");

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal("recorded", (await Answer(response))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Eventarc_CloudEvent_in_structured_mode_is_recorded()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = "ce-2",
            ["source"] = "//pubsub.googleapis.com/projects/p/topics/completions",
            ["type"] = "google.cloud.pubsub.topic.v1.messagePublished",
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(PushBodies.Wrapped(PushBodies.Completion("b", "k2"), "ce-2")),
        };

        var response = await server.Client.PostAsync("/", new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8, "application/cloudevents+json"), Ct);
        var tally = await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k2", Ct);

        Assert.Equal("recorded", (await Answer(response))["outcome"]!.GetValue<string>());
        Assert.Equal("ce-2", tally!.Completions["b"].MessageId);
    }

    [Fact]
    public async Task A_CloudEvent_of_another_type_is_acknowledged_and_rejected()
    {
        await using var server = await OrchestratorServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json("{}") };
        request.Headers.Add("ce-id", "x");
        request.Headers.Add("ce-source", "//storage.googleapis.com/b");
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-type", "google.cloud.storage.object.v1.finalized");

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("messagePublished", (await Answer(response))["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"message\":{\"data\":\"bm90IGpzb24=\",\"messageId\":\"9\"}}", "not JSON")]
    [InlineData("{\"message\":{\"data\":\"%%%\",\"messageId\":\"9\"}}", "unreadable")]
    [InlineData("{\"message\":{\"data\":\"eyJwcm9jZXNzb3IiOiJhIn0=\",\"messageId\":\"9\"}}", "runKey")]
    public async Task A_malformed_message_is_acknowledged_and_recorded_as_rejected(string body, string reason)
    {
        await using var server = await OrchestratorServer.StartAsync();

        var response = await server.Client.PostAsync("/", PushBodies.Json(body), Ct);
        var rejected = await ((SqliteCompletionStore)server.Services.GetRequiredService<ICompletionStore>()).ListRejectedAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (await Answer(response))["outcome"]!.GetValue<string>());
        Assert.Contains(reason, Assert.Single(rejected).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Trigger.Calls);
    }

    [Fact]
    public async Task An_oversized_delivery_is_acknowledged_and_recorded_as_rejected_without_reading_it_into_a_tally()
    {
        await using var server = await OrchestratorServer.StartAsync(o => o.MaxMessageBytes = 1024);
        var huge = PushBodies.Wrapped(PushBodies.Completion("a", "k1") + new string(' ', 4096), "big");

        var response = await server.Client.PostAsync("/", PushBodies.Json(huge), Ct);
        var rejected = await ((SqliteCompletionStore)server.Services.GetRequiredService<ICompletionStore>()).ListRejectedAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("MaxMessageBytes", Assert.Single(rejected).Reason, StringComparison.Ordinal);
        Assert.Null(await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct));
    }

    [Fact]
    public async Task A_store_outage_answers_503_so_PubSub_redelivers()
    {
        await using var server = await OrchestratorServer.StartAsync(services: s => s.AddSingleton<ICompletionStore, UnavailableStore>());

        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_slow_trigger_is_cut_at_the_trigger_timeout_and_the_delivery_is_acknowledged()
    {
        var hanging = new HangingTrigger();
        await using var server = await OrchestratorServer.StartAsync(o =>
        {
            o.TriggerTimeout = TimeSpan.FromSeconds(2);
            o.Phases[0].CustomTrigger = hanging;
        });
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        var completing = server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k1"), "2")), Ct);
        await hanging.Entered.Task.WaitAsync(Ct);
        server.Time.Advance(TimeSpan.FromSeconds(2));
        var response = await completing;
        var status = await server.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/k1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("TriggerFailed", (await Answer(response))["drive"]!.GetValue<string>());
        Assert.Equal("Claimed", status!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tally_status_watchdog_and_health_endpoints_answer()
    {
        await using var server = await OrchestratorServer.StartAsync();
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k1"), "2")), Ct);

        var status = await server.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/k1", Ct);
        var unknown = await server.Client.GetAsync("/tallies/nope/k1", Ct);
        var watchdog = await server.Client.PostAsync("/watchdog", null, Ct);
        var health = await server.Client.GetStringAsync("/healthz", Ct);

        Assert.True(status!["triggered"]!.GetValue<bool>());
        Assert.Equal(2, status["completed"]!.AsArray().Count);
        Assert.Empty(status["missing"]!.AsArray());
        Assert.Empty(status["failed"]!.AsArray());
        Assert.NotNull(status["triggeredAt"]);
        Assert.NotNull(status["lastCompletionAt"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, (await Answer(watchdog))["examined"]!.GetValue<int>());
        Assert.Equal("ok", health);
    }

    private static async Task<JsonObject> Answer(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    private sealed class HangingTrigger : Pax.Orchestration.Completion.Triggers.IPhaseTrigger
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task FireAsync(Pax.Orchestration.Completion.Triggers.PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private sealed class UnavailableStore : ICompletionStore
    {
        public Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Firestore unreachable");

        public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) => throw new HttpRequestException("Firestore unreachable");

        public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Firestore unreachable");

        public Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken) => throw new HttpRequestException("Firestore unreachable");

        public Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Firestore unreachable");

        public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) => throw new HttpRequestException("Firestore unreachable");

        public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Firestore unreachable");

        public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Firestore unreachable");

        public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) => throw new HttpRequestException("Firestore unreachable");
    }
}
