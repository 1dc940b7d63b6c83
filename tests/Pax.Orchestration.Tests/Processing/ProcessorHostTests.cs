using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Processing;
using Pax.Orchestration.Processing.Internal;
using Pax.TestSupport.CloudRun;
using Pax.TestSupport.PubSub;
using Pax.TestSupport.Tracing;

namespace Pax.Orchestration.Tests.Processing;

/// <summary>
/// <see cref="ProcessorHost"/> in this process, with its variables, console and stop signal given: the failure modes a
/// template's own work cannot show (ProcessorSampleTests runs the template's process for the others).
/// </summary>
public sealed class ProcessorHostTests
{
    private const string Topic = "projects/p/topics/phase2-completions";
    private const string Job = "projects/p/locations/us-central1/jobs/phase3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_outcome_is_reported_failed_under_the_configured_name_and_exits_1_with_one_line()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        var run = await RunAsync(pubSub, new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Failed("the input for 2026-02-10 is missing"))));

        Assert.Equal(ProcessorExitCodes.WorkFailed, run.ExitCode);
        var body = JsonNode.Parse(Assert.Single(pubSub.Published).Data)!;
        Assert.Equal(("detector", "phase2", "2026-02-10", "failed", "the input for 2026-02-10 is missing"), Fields(body));
        Assert.Equal(
            $"error: The work for run key 2026-02-10 failed: the input for 2026-02-10 is missing. Reported failed as processor detector (message {pubSub.Published[0].MessageId}); Cloud Run retries the task.",
            run.Error.Trim());
    }

    [Fact]
    public async Task A_processor_started_with_TRACEPARENT_publishes_its_report_in_that_trace()
    {
        using var spans = new SpanRecorder();
        await using var pubSub = await PubSubWithTopicAsync();
        var trigger = SpanRecorder.NewRemoteContext();

        var run = await RunAsync(pubSub, new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Succeeded())), variables: new() { ["TRACEPARENT"] = SpanRecorder.TraceParent(trigger) });

        Assert.Equal(ProcessorExitCodes.Succeeded, run.ExitCode);
        var processor = Assert.Single(spans.InTrace(trigger.TraceId), s => s.DisplayName == "processor run detector");
        Assert.Equal(trigger.SpanId, processor.ParentSpanId);
        var traceParent = Assert.Single(pubSub.Published).Attributes["googclient_traceparent"];
        Assert.StartsWith($"00-{trigger.TraceId}-", traceParent, StringComparison.Ordinal);
        var create = Assert.Single(spans.InTrace(trigger.TraceId), s => s.Kind == System.Diagnostics.ActivityKind.Producer);
        Assert.Equal(processor.SpanId, create.ParentSpanId);
    }

    [Fact]
    public async Task A_work_that_throws_is_reported_failed_with_the_exception_message_and_no_stack_trace()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        var run = await RunAsync(pubSub, new ScriptedWork(_ => throw new InvalidOperationException("the model file is corrupt")));

        Assert.Equal(ProcessorExitCodes.WorkFailed, run.ExitCode);
        Assert.Equal("InvalidOperationException: the model file is corrupt", (string?)JsonNode.Parse(Assert.Single(pubSub.Published).Data)!["details"]);
        Assert.StartsWith("error: The work for run key 2026-02-10 failed: InvalidOperationException: the model file is corrupt.", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_stop_during_the_work_cancels_it_and_the_run_is_still_reported_failed()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var shutdown = new ShutdownSignal(new FakeTimeProvider());
        var work = new ScriptedWork(async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ProcessorOutcome.Succeeded();
        });

        var running = RunAsync(pubSub, work, shutdown: shutdown);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        shutdown.RequestStop();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(ProcessorExitCodes.WorkFailed, run.ExitCode);
        var details = (string?)JsonNode.Parse(Assert.Single(pubSub.Published).Data)!["details"];
        Assert.StartsWith("cancelled (SIGTERM or Ctrl+C", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_Pub_Sub_does_not_take_within_the_grace_after_SIGTERM_exits_3_with_one_line()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        var time = new FakeTimeProvider();
        using var shutdown = new ShutdownSignal(time);
        var publisher = new HangingPublisher();

        var running = RunAsync(pubSub, new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Succeeded())), b => b.Services.AddSingleton<ICompletionPublisher>(publisher), shutdown);
        await publisher.Called.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        shutdown.RequestStop();
        time.Advance(ShutdownSignal.GracePeriod);
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(ProcessorExitCodes.NotReported, run.ExitCode);
        Assert.Equal(
            "error: The succeeded report for run key 2026-02-10 (processor detector) was not published, so the orchestrator does not know of this run: Pub/Sub did not answer within the 8 s left after SIGTERM (Cloud Run stops the task 10 s after it). A retried task publishes it again.",
            run.Error.Trim());
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_exits_3_naming_it_and_how_to_create_it()
    {
        // FakePubSubServer answers 404 NOT_FOUND for a topic it does not have, as Pub/Sub does
        // (cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics/publish).
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        var run = await RunAsync(pubSub, new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Succeeded())));

        Assert.Equal(ProcessorExitCodes.NotReported, run.ExitCode);
        Assert.Contains("the completions topic projects/p/topics/phase2-completions does not exist (Pub/Sub answered 404 NOT_FOUND). Create it (gcloud pubsub topics create phase2-completions --project=p)", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_task_whose_key_an_earlier_execution_carries_leaves_the_work_to_it_and_reports_nothing()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        await using var cloudRun = await CloudRunWithTwoExecutionsForOneKeyAsync(grantViewer: true);
        var later = ((string)cloudRun.Executions(Job)[1]["name"]!).Split('/')[^1];
        var work = new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Succeeded()));

        var run = await RunAsync(pubSub, work, CloudRunAccess(cloudRun), variables: TriggeredExecution(later));

        Assert.Equal(ProcessorExitCodes.Succeeded, run.ExitCode);
        Assert.Equal(0, work.Runs);
        Assert.Empty(pubSub.Published);
        Assert.Contains(run.Logs, l => l.Id.Id == 4502 && l.Message.Contains((string)cloudRun.Executions(Job)[0]["name"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_execution_for_a_key_does_the_work_and_without_the_viewer_role_a_duplicate_does_it_too_after_a_warning()
    {
        await using var pubSub = await PubSubWithTopicAsync();
        await using var cloudRun = await CloudRunWithTwoExecutionsForOneKeyAsync(grantViewer: false);
        var first = ((string)cloudRun.Executions(Job)[0]["name"]!).Split('/')[^1];
        var later = ((string)cloudRun.Executions(Job)[1]["name"]!).Split('/')[^1];
        var work = new ScriptedWork(_ => Task.FromResult(ProcessorOutcome.Succeeded()));

        var refused = await RunAsync(pubSub, work, CloudRunAccess(cloudRun), variables: TriggeredExecution(later));

        Assert.Equal(ProcessorExitCodes.Succeeded, refused.ExitCode);
        Assert.Equal(1, work.Runs);
        var warning = Assert.Single(refused.Logs, l => l.Id.Id == 4503);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("roles/run.viewer", warning.Message, StringComparison.Ordinal);

        cloudRun.Grant(Job, "serviceAccount:phase3-runtime@p.iam.gserviceaccount.com", CloudRunIamClient.ViewerRole);
        var firstRun = await RunAsync(pubSub, work, CloudRunAccess(cloudRun), variables: TriggeredExecution(first));
        Assert.Equal(ProcessorExitCodes.Succeeded, firstRun.ExitCode);
        Assert.Equal(2, work.Runs);
        Assert.Equal(2, pubSub.Published.Count);
    }

    private static Dictionary<string, string> TriggeredExecution(string execution) => new()
    {
        ["PAX_PHASE"] = "phase2",
        ["PAX_IDEMPOTENCY_KEY"] = "phase2:2026-02-10",
        ["PAX_JOB"] = Job,
        ["CLOUD_RUN_EXECUTION"] = execution,
    };

    private static Action<IHostApplicationBuilder> CloudRunAccess(FakeCloudRunJobsServer cloudRun) => b =>
    {
        b.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("GoogleCloud:CloudRunEndpoint", cloudRun.BaseAddress.ToString())]);
        b.Services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider("job-runtime-token"));
    };

    private static async Task<FakeCloudRunJobsServer> CloudRunWithTwoExecutionsForOneKeyAsync(bool grantViewer)
    {
        var cloudRun = await FakeCloudRunJobsServer.StartAsync(cancellationToken: Ct);
        cloudRun.AddCaller("orchestrator-token", "serviceAccount:orchestrator@p.iam.gserviceaccount.com");
        cloudRun.AddCaller("job-runtime-token", "serviceAccount:phase3-runtime@p.iam.gserviceaccount.com");
        cloudRun.AddJob(Job);
        cloudRun.Grant(Job, "serviceAccount:orchestrator@p.iam.gserviceaccount.com", CloudRunIamClient.JobsExecutorWithOverridesRole);
        if (grantViewer)
        {
            cloudRun.Grant(Job, "serviceAccount:phase3-runtime@p.iam.gserviceaccount.com", CloudRunIamClient.ViewerRole);
        }

        await using var orchestrator = EarlierExecutionCheckTests.Services(cloudRun, "orchestrator-token");
        var trigger = new CloudRunJobTrigger(orchestrator.GetRequiredService<CloudRunJobsClient>(), Job);
        var request = new PhaseTriggerRequest("phase2", "2026-02-10", "phase2:2026-02-10", ["a"]);
        await trigger.FireAsync(request, Ct);
        await trigger.FireAsync(request, Ct);   // a late duplicate
        return cloudRun;
    }

    private static async Task<FakePubSubServer> PubSubWithTopicAsync()
    {
        var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        pubSub.AddTopic(Topic);
        return pubSub;
    }

    private static (string?, string?, string?, string?, string?) Fields(JsonNode body) =>
        ((string?)body["processor"], (string?)body["phase"], (string?)body["runKey"], (string?)body["status"], (string?)body["details"]);

    private static async Task<HostRun> RunAsync(
        FakePubSubServer pubSub, ScriptedWork work, Action<IHostApplicationBuilder>? configure = null, ShutdownSignal? shutdown = null, Dictionary<string, string>? variables = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["PAX_RUN_KEY"] = "2026-02-10",
            ["PAX_PROCESSOR"] = "detector",
            ["PAX_COMPLETION_PHASE"] = "phase2",
            ["PAX_COMPLETION_TOPIC"] = Topic,
        };
        foreach (var (name, value) in variables ?? [])
        {
            environment[name] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        using var ownSignal = new ShutdownSignal(new FakeTimeProvider());
        var process = new ProcessorProcess(environment.GetValueOrDefault, output, error, TimeProvider.System);
        var logs = new FakeLogCollector();
        var exit = await ProcessorHost.RunAsync<ScriptedWork>([], b =>
        {
            b.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("GoogleCloud:PubSubEmulatorHost", pubSub.BaseAddress.Authority)]);
            b.Services.AddSingleton<IProcessorWork>(work);
            b.Logging.AddProvider(new FakeLoggerProvider(logs));
            configure?.Invoke(b);
        }, process, shutdown ?? ownSignal);
        return new HostRun(exit, output.ToString(), error.ToString(), logs.GetSnapshot());
    }

    private sealed record HostRun(int ExitCode, string Output, string Error, IReadOnlyList<FakeLogRecord> Logs);

    /// <summary>The work a test scripts (registered in place of the type argument).</summary>
    private sealed class ScriptedWork(Func<CancellationToken, Task<ProcessorOutcome>> run) : IProcessorWork
    {
        private int _runs;

        public int Runs => _runs;

        public Task<ProcessorOutcome> RunAsync(PhaseHandover handover, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return run(cancellationToken);
        }
    }

    /// <summary>A transport that never answers (a Pub/Sub outage that outlasts the grace).</summary>
    private sealed class HangingPublisher : ICompletionPublisher
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Called => _called.Task;

        public async Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
        {
            _called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        }
    }
}
