using System.Diagnostics;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;
using Pax.TestSupport.Tracing;

namespace Pax.Orchestration.Tests.Tracing;

/// <summary>Interoperability with Google's own clients: a report published by the Node client, pushed by the Pub/Sub emulator.</summary>
public sealed class GoogleNodeClientTracingTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_published_by_Googles_Node_client_with_OpenTelemetry_is_continued_by_the_push_intake()
    {
        using var spans = new SpanRecorder();
        await using var server = await OrchestratorServer.StartAsync();
        var emulator = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(emulator, EmulatorsFixture.PubSubProject);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topic = await admin.CreateTopicAsync("node-done-" + suffix, Ct);
        await admin.CreateSubscriptionAsync("node-push-" + suffix, topic, new Uri(server.Client.BaseAddress!, "/"), Ct);

        var (messageId, traceId, spanId) = await NodePublisher.PublishAsync(
            emulator.HostPort, EmulatorsFixture.PubSubProject, topic.Split('/')[^1], PushBodies.Completion("a", "k-node-" + suffix), new Dictionary<string, string>(), Ct);
        var consumer = await spans.WaitForAsync(s => s.Kind == ActivityKind.Consumer && s.TraceId.ToHexString() == traceId, TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(spanId, consumer.ParentSpanId.ToHexString());
        Assert.Equal(messageId, consumer.GetTagItem("messaging.message.id"));
        Assert.Equal("recorded", consumer.GetTagItem("pax.outcome"));
    }
}
