using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Hosting;

/// <summary>
/// The in-process transport against the push intake it stands in for: the same server takes a message both ways (a
/// wrapped push envelope over HTTP, and <see cref="InProcessCompletionPublisher"/>), and the outcomes must be the same.
/// </summary>
public sealed class InProcessCompletionPublisherTests
{
    private const string Topic = "projects/p/topics/completions";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Malformed => new()
    {
        // case, data, expected reason code
        { "data that is not JSON", "not json", "contract" },
        { "no runKey", "{\"phase\":\"phase2\",\"processor\":\"a\",\"status\":\"succeeded\"}", "contract" },
        { "a drifted field name", "{\"phase\":\"phase2\",\"processor\":\"a\",\"run_key\":\"k1\",\"status\":\"succeeded\"}", "contract" },
        { "an unknown status", "{\"phase\":\"phase2\",\"processor\":\"a\",\"runKey\":\"k1\",\"status\":\"done\"}", "contract" },
        { "an unknown phase", "{\"phase\":\"phase9\",\"processor\":\"a\",\"runKey\":\"k1\",\"status\":\"succeeded\"}", "invalid" },
        { "a processor the phase does not expect", "{\"phase\":\"phase2\",\"processor\":\"z\",\"runKey\":\"k1\",\"status\":\"succeeded\"}", "invalid" },
        { "a run key with a slash", "{\"phase\":\"phase2\",\"processor\":\"a\",\"runKey\":\"a/b\",\"status\":\"succeeded\"}", "invalid" },
    };

    [Fact]
    public async Task A_published_completion_is_recorded_under_the_transport_message_id_and_the_completing_one_triggers_once()
    {
        await using var server = await StartAsync();
        var publisher = server.Services.GetRequiredService<ICompletionPublisher>();

        var first = await publisher.PublishAsync(Topic, new CompletionMessage("phase2", "a", "k1", CompletionStatus.Succeeded, Details: "part one"), Ct);
        var second = await publisher.PublishAsync(Topic, new CompletionMessage("phase2", "b", "k1", CompletionStatus.Succeeded), Ct);
        var again = await ((InProcessCompletionPublisher)publisher).DeliverAsync(Topic, CompletionWireFormat.Encode(new CompletionMessage("phase2", "b", "k1", CompletionStatus.Succeeded)), Ct);
        var tally = await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct);

        Assert.IsType<InProcessCompletionPublisher>(publisher);
        Assert.NotEqual(first, second);
        Assert.All([first, second, again.MessageId], id => Assert.True(ulong.TryParse(id, out _), $"'{id}' is not a decimal message id like Pub/Sub's"));
        Assert.Equal(first, tally!.Completions["a"].MessageId);
        Assert.Equal("part one", tally.Completions["a"].Details);
        Assert.Equal(second, tally.Completions["b"].MessageId);
        Assert.Equal((ReportDisposition.Duplicate, DriveOutcome.AlreadyTriggered), (again.Disposition, again.Drive));
        var call = Assert.Single(server.Trigger.Calls);
        Assert.Equal(("k1", "phase2:k1", false), (call.RunKey, call.IdempotencyKey, call.Redrive));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_message_is_rejected_in_process_exactly_as_a_push_of_it_is(string @case, string data, string code)
    {
        await using var server = await StartAsync();
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");
        var message = new PubSubOutgoingMessage { Data = Encoding.UTF8.GetBytes(data) };

        var pushed = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(data, "m-push")), Ct);
        var pushAnswer = (await pushed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var delivered = await server.Services.GetRequiredService<InProcessCompletionPublisher>().DeliverAsync(Topic, message, Ct);

        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal("rejected", pushAnswer["outcome"]!.GetValue<string>());
        Assert.True(delivered.Disposition == ReportDisposition.Rejected, $"{@case}: {delivered}");
        Assert.Equal(pushAnswer["reason"]!.GetValue<string>(), delivered.Reason);
        var measurements = deliveries.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(("rejected", code), ((string?)m.Tags["pax.outcome"], (string?)m.Tags["pax.reason"])));
        var warnings = server.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 4003).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((LogLevel.Warning, "Rejected", warnings[0].Category), (w.Level, w.Id.Name, w.Category)));
        Assert.Equal(warnings[0].Message.Replace("m-push", delivered.MessageId, StringComparison.Ordinal), warnings[1].Message);
        var rejected = await ((SqliteCompletionStore)server.Services.GetRequiredService<ICompletionStore>()).ListRejectedAsync(Ct);
        Assert.Equal(new[] { "m-push", delivered.MessageId }.Order(StringComparer.Ordinal), rejected.Select(r => r.MessageId!).Order(StringComparer.Ordinal));
        Assert.All(rejected, r => Assert.Equal(delivered.Reason, r.Reason));
        Assert.Empty(server.Trigger.Calls);
    }

    [Fact]
    public async Task A_message_over_MaxMessageBytes_is_rejected_as_oversized_like_a_push()
    {
        await using var server = await StartAsync(o => o.MaxMessageBytes = 1024);
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");
        var encoded = CompletionWireFormat.Encode(new CompletionMessage("phase2", "a", "k1", CompletionStatus.Succeeded, Details: new string('x', 2000)));

        var delivered = await server.Services.GetRequiredService<InProcessCompletionPublisher>().DeliverAsync(Topic, encoded, Ct);

        Assert.Equal(ReportDisposition.Rejected, delivered.Disposition);
        Assert.Contains("exceeds Pax:Orchestration:MaxMessageBytes (1024)", delivered.Reason, StringComparison.Ordinal);
        Assert.Equal("oversized", (string?)Assert.Single(deliveries.GetMeasurementSnapshot()).Tags["pax.reason"]);
        Assert.Null(await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct));
    }

    [Fact]
    public async Task The_trace_attribute_counts_against_PubSubs_limit_of_100_attributes()
    {
        await using var server = await StartAsync();
        var publisher = server.Services.GetRequiredService<InProcessCompletionPublisher>();
        var hundred = Enumerable.Range(0, 100).ToDictionary(i => $"k{i}", _ => "v");
        using var traced = new System.Diagnostics.Activity("publisher").Start();   // the message carries its context: 101 attributes

        var count = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Attributes = hundred }, Ct));

        Assert.Contains("101 attributes", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_PubSub_refuses_at_publish_is_refused_before_the_intake_sees_it()
    {
        await using var server = await StartAsync();
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");
        var publisher = server.Services.GetRequiredService<InProcessCompletionPublisher>();
        var tooMany = Enumerable.Range(0, 101).ToDictionary(i => $"k{i}", _ => "v");

        await Assert.ThrowsAsync<ArgumentException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage(), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.DeliverAsync("completions", new PubSubOutgoingMessage { Data = [1] }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(Topic, new CompletionMessage("phase2", "_reserved", "k1", CompletionStatus.Succeeded), Ct));
        var longValue = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Attributes = new() { ["processor"] = new string('a', 1025) } }, Ct));
        var longKey = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Attributes = new() { [new string('k', 257)] = "v" } }, Ct));
        var count = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Attributes = tooMany }, Ct));
        var size = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Data = new byte[10_000_001] }, Ct));
        var surrogate = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.DeliverAsync(Topic, new PubSubOutgoingMessage { Attributes = new() { ["processor"] = "a\ud800" } }, Ct));

        Assert.All([longValue, longKey, count, size, surrogate], e => Assert.Equal((HttpStatusCode.BadRequest, "INVALID_ARGUMENT"), (e.HttpStatus, e.Status)));
        Assert.Empty(deliveries.GetMeasurementSnapshot());
        Assert.Empty(await ((SqliteCompletionStore)server.Services.GetRequiredService<ICompletionStore>()).ListRejectedAsync(Ct));
    }

    [Fact]
    public async Task A_store_failure_reaches_the_publisher_with_event_4016_and_the_unavailable_metric()
    {
        await using var server = await StartAsync(services: s => s.AddSingleton<ICompletionStore, FailingStore>());
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            server.Services.GetRequiredService<ICompletionPublisher>().PublishAsync(Topic, new CompletionMessage("phase2", "a", "k1", CompletionStatus.Succeeded), Ct));

        Assert.Equal("store down", error.Message);
        Assert.Equal("unavailable", (string?)Assert.Single(deliveries.GetMeasurementSnapshot()).Tags["pax.outcome"]);
        var log = Assert.Single(server.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4016);
        Assert.Equal(LogLevel.Error, log.Level);
    }

    [Fact]
    public void AddPaxInProcessCompletions_replaces_the_PubSub_publisher_whichever_is_registered_first()
    {
        var before = new ServiceCollection();
        before.AddPaxOrchestration(Configure).AddPaxInProcessCompletions();
        var after = new ServiceCollection();
        after.AddPaxInProcessCompletions().AddPaxOrchestration(Configure);
        after.AddPaxInProcessCompletions();
        using var first = before.BuildServiceProvider();
        using var second = after.BuildServiceProvider();
        using var plain = new ServiceCollection().AddPaxOrchestration(Configure).BuildServiceProvider();

        Assert.IsType<InProcessCompletionPublisher>(first.GetRequiredService<ICompletionPublisher>());
        Assert.IsType<InProcessCompletionPublisher>(second.GetRequiredService<ICompletionPublisher>());
        Assert.Single(after, d => d.ServiceType == typeof(ICompletionPublisher));
        Assert.IsType<CompletionPublisher>(plain.GetRequiredService<ICompletionPublisher>());
    }

    private static Task<OrchestratorServer> StartAsync(Action<OrchestrationOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        OrchestratorServer.StartAsync(configure, s =>
        {
            s.AddLogging(b => b.AddFakeLogging());
            services?.Invoke(s);
            s.AddPaxInProcessCompletions();
        });

    private static void Configure(OrchestrationOptions options)
    {
        options.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a"], CustomTrigger = new RecordingTrigger() });
        options.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
    }

    private sealed class FailingStore : ICompletionStore
    {
        public Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) => throw new HttpRequestException("store down");

        public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) => throw new HttpRequestException("store down");
    }
}
