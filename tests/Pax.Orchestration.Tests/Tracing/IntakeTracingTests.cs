using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.PubSub;
using Pax.TestSupport.Tracing;

namespace Pax.Orchestration.Tests.Tracing;

public sealed class IntakeTracingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_push_carrying_googclient_traceparent_is_continued_and_links_the_requests_own_context()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var message = SpanRecorder.NewRemoteContext();
        var cloudRun = SpanRecorder.NewRemoteContext();
        var attributes = new Dictionary<string, string> { ["googclient_traceparent"] = SpanRecorder.TraceParent(message) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k-trace"), "41", attributes)) };
        request.Headers.Add("traceparent", SpanRecorder.TraceParent(cloudRun));

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consumer = Assert.Single(spans.InTrace(message.TraceId), s => s.Kind == ActivityKind.Consumer);
        Assert.Equal("Pax.Orchestration", consumer.Source.Name);
        Assert.Equal("process orchestrator", consumer.DisplayName);
        Assert.Equal(message.SpanId, consumer.ParentSpanId);
        Assert.Equal("gcp_pubsub", consumer.GetTagItem("messaging.system"));
        Assert.Equal("process", consumer.GetTagItem("messaging.operation.type"));
        Assert.Equal("41", consumer.GetTagItem("messaging.message.id"));
        Assert.Equal("projects/p/subscriptions/orchestrator", consumer.GetTagItem("messaging.destination.subscription.name"));
        Assert.Contains(consumer.Links, l => l.Context.TraceId == cloudRun.TraceId);
        Assert.Contains(spans.InTrace(message.TraceId), s => s.ParentSpanId == consumer.SpanId && s.DisplayName.StartsWith("tally record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_phase_message_carries_the_completing_reports_trace_and_its_trigger_links_the_other_report()
    {
        using var spans = new SpanRecorder();
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        pubSub.AddTopic("projects/p/topics/phase3-start");
        await using var google = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = pubSub.BaseAddress.Authority).BuildServiceProvider();
        var next = new PubSubTopicTrigger(google.GetRequiredService<PubSubPublisherClient>(), "projects/p/topics/phase3-start");
        await using var server = await OrchestratorServer.StartAsync(o => o.Phases[0].CustomTrigger = next);
        var first = SpanRecorder.NewRemoteContext();
        var completing = SpanRecorder.NewRemoteContext();

        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k-fan-in"), "51", Traced(first))), Ct);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k-fan-in"), "52", Traced(completing))), Ct);

        var published = Assert.Single(pubSub.Published);
        Assert.StartsWith($"00-{completing.TraceId}-", published.Attributes["googclient_traceparent"], StringComparison.Ordinal);
        var trigger = Assert.Single(spans.InTrace(completing.TraceId), s => s.DisplayName == "trigger phase2");
        Assert.Equal([first.TraceId], trigger.Links.Select(l => l.Context.TraceId));
        var create = Assert.Single(spans.InTrace(completing.TraceId), s => s.DisplayName == "phase3-start create");
        Assert.Equal(trigger.SpanId, create.ParentSpanId);
        Assert.Equal($"00-{completing.TraceId}-{create.SpanId}-01", published.Attributes["googclient_traceparent"]);
    }

    [Fact]
    public async Task A_push_carrying_only_traceparent_is_continued()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var message = SpanRecorder.NewRemoteContext();
        var attributes = new Dictionary<string, string> { ["traceparent"] = SpanRecorder.TraceParent(message) };

        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k-trace2"), "42", attributes)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consumer = Assert.Single(spans.InTrace(message.TraceId), s => s.Kind == ActivityKind.Consumer);
        Assert.Equal(message.SpanId, consumer.ParentSpanId);
    }

    [Fact]
    public async Task An_Eventarc_CloudEvent_carrying_googclient_traceparent_is_continued()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var message = SpanRecorder.NewRemoteContext();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k-trace-ce"), "ce-7", Traced(message))) };
        request.Headers.Add("ce-id", "ce-7");
        request.Headers.Add("ce-source", "//pubsub.googleapis.com/projects/p/topics/completions");
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-type", "google.cloud.pubsub.topic.v1.messagePublished");

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message.SpanId, Assert.Single(spans.InTrace(message.TraceId), s => s.Kind == ActivityKind.Consumer).ParentSpanId);
    }

    [Fact]
    public async Task An_unwrapped_push_with_metadata_carrying_googclient_traceparent_is_continued()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var message = SpanRecorder.NewRemoteContext();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json("{\"status\":\"succeeded\"}") };
        request.Headers.Add("x-goog-pubsub-message-id", "78");
        request.Headers.Add("processor", "a");
        request.Headers.Add("runKey", "k-trace-raw");
        request.Headers.Add("googclient_traceparent", SpanRecorder.TraceParent(message));

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message.SpanId, Assert.Single(spans.InTrace(message.TraceId), s => s.Kind == ActivityKind.Consumer).ParentSpanId);
    }

    [Fact]
    public async Task A_push_without_a_message_context_runs_in_the_requests_trace()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var cloudRun = SpanRecorder.NewRemoteContext();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k-trace3"), "43")) };
        request.Headers.Add("traceparent", SpanRecorder.TraceParent(cloudRun));

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consumer = Assert.Single(spans.InTrace(cloudRun.TraceId), s => s.Kind == ActivityKind.Consumer);
        Assert.Empty(consumer.Links);
    }

    private static Dictionary<string, string> Traced(ActivityContext context) => new() { ["googclient_traceparent"] = SpanRecorder.TraceParent(context) };
}
