using Microsoft.Extensions.DependencyInjection;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;
using Pax.TestSupport.PubSub;
using Pax.TestSupport.Tracing;

namespace Pax.Collection.Tests.Runs;

/// <summary>The runner reports its completion through whatever <see cref="ICompletionPublisher"/> it is given (Pub/Sub, or Pax.Orchestration's in-process transport).</summary>
public sealed class CollectionRunnerCompletionTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public CollectionRunnerCompletionTests()
    {
        foreach (var id in new[] { "cam-a", "cam-b", "cam-c", "cam-d" })
        {
            _harness.Source.Add(id);
        }
    }

    [Fact]
    public async Task A_run_reports_once_through_the_publisher_with_the_slot_as_run_key_and_its_task_as_processor()
    {
        var publisher = new RecordingPublisher();
        _harness.Publisher = publisher;
        _harness.Options.CompletionTopic = "projects/p/topics/done";
        _harness.Options.CompletionPhase = "collect";

        var report = await _harness.RunAsync(new CloudRunTaskInfo(1, 2, 0, null, null), TestContext.Current.CancellationToken);

        var (topic, message) = Assert.Single(publisher.Published);
        Assert.Equal("projects/p/topics/done", topic);
        Assert.Equal(("collect", "collector/1", "2026-02-10T14:30:00Z"), (message.Phase, message.Processor, message.RunKey));
        Assert.Equal(report.Succeeded ? CompletionStatus.Succeeded : CompletionStatus.Failed, message.Status);
        Assert.Contains($"{report.StoredOrAlreadyStored} of {report.Eligible} eligible cameras stored", message.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_completion_topic_nothing_is_published()
    {
        var publisher = new RecordingPublisher();
        _harness.Publisher = publisher;

        await _harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(publisher.Published);
    }

    [Fact]
    public void A_completion_topic_without_a_publisher_is_refused_when_the_runner_is_built()
    {
        _harness.Options.CompletionTopic = "projects/p/topics/done";

        var error = Assert.Throws<ArgumentException>(_harness.CreateRunner);

        Assert.Contains("no completion publisher", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publisher_that_fails_in_its_own_way_fails_the_run_as_a_completion_failure_not_an_unexpected_error()
    {
        // The in-process transport throws what the completion store throws (here: a SQLite-like failure), not a
        // GoogleApiException; the run must still end as "stored, but the completion was not published" (exit 2).
        _harness.Publisher = new FailingPublisher(new InvalidOperationException("database is locked"));
        _harness.Options.CompletionTopic = "projects/p/topics/done";

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("stored its snapshots but could not publish its completion to projects/p/topics/done: database is locked", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(4, Directory.GetFiles(_harness.Root, "*.jpg", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_collector_started_with_TRACEPARENT_publishes_its_completion_in_that_trace()
    {
        using var spans = new SpanRecorder();
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: TestContext.Current.CancellationToken);
        pubSub.AddTopic("projects/p/topics/done");
        await using var services = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = pubSub.BaseAddress.Authority).BuildServiceProvider();
        _harness.Publisher = new CompletionPublisher(services.GetRequiredService<PubSubPublisherClient>());
        _harness.Options.CompletionTopic = "projects/p/topics/done";
        var trigger = SpanRecorder.NewRemoteContext();
        var task = CloudRunTaskInfo.FromVariables(new Dictionary<string, string> { ["TRACEPARENT"] = SpanRecorder.TraceParent(trigger) }.GetValueOrDefault);

        await _harness.RunAsync(task, TestContext.Current.CancellationToken);

        var run = Assert.Single(spans.InTrace(trigger.TraceId), s => s.DisplayName == "collector run");
        Assert.Equal(trigger.SpanId, run.ParentSpanId);
        Assert.Equal(4, spans.InTrace(trigger.TraceId).Count(s => s.DisplayName == "camera fetch" && s.ParentSpanId == run.SpanId));
        Assert.Equal(4, spans.InTrace(trigger.TraceId).Count(s => s.DisplayName == "camera store"));
        var create = Assert.Single(spans.InTrace(trigger.TraceId), s => s.DisplayName == "done create");
        Assert.Equal(run.SpanId, create.ParentSpanId);
        Assert.Equal($"00-{trigger.TraceId}-{create.SpanId}-01", Assert.Single(pubSub.Published).Attributes["googclient_traceparent"]);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class FailingPublisher(Exception failure) : ICompletionPublisher
    {
        public Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken) =>
            Task.FromException<string>(failure);
    }

    private sealed class RecordingPublisher : ICompletionPublisher
    {
        public List<(string Topic, CompletionMessage Message)> Published { get; } = [];

        public Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
        {
            Published.Add((topic, message));
            return Task.FromResult(Published.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
