using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Hosting;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Processing.Internal;

/// <summary>One processor run once its host is built: step aside for an earlier execution, work, report, exit code.</summary>
internal sealed class ProcessorRun
{
    private readonly IServiceProvider _services;
    private readonly ProcessorProcess _process;
    private readonly StartupFailureReporter _reporter;
    private readonly ProcessorOptions _options;
    private readonly ILogger _logger;

    public ProcessorRun(IServiceProvider services, ProcessorProcess process, StartupFailureReporter reporter)
    {
        _services = services;
        _process = process;
        _reporter = reporter;
        _options = services.GetRequiredService<IOptions<ProcessorOptions>>().Value;
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ProcessorLog.Category);
    }

    private string Processor => _options.Name!;

    private string Topic => _options.CompletionTopic!;

    public async Task<int> RunAsync(PhaseHandover handover, ShutdownSignal shutdown)
    {
        // The whole run, its report included, continues the trace the trigger started (TRACEPARENT).
        using var span = ProcessorTracing.StartRun(Processor, handover, _process.GetVariable);
        var exitCode = await RunInSpanAsync(handover, shutdown).ConfigureAwait(false);
        span?.SetTag("process.exit.code", exitCode);
        if (exitCode != ProcessorExitCodes.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        return exitCode;
    }

    private async Task<int> RunInSpanAsync(PhaseHandover handover, ShutdownSignal shutdown)
    {
        if (await LeaveToEarlierExecutionAsync(handover, shutdown.StopRequested).ConfigureAwait(false))
        {
            return ProcessorExitCodes.Succeeded;
        }

        var outcome = await WorkAsync(handover, shutdown.StopRequested).ConfigureAwait(false);
        var status = CompletionWireFormat.StatusValue(outcome.Status);
        string messageId;
        try
        {
            var message = new CompletionMessage(_options.Phase is { Length: > 0 } phase ? phase : null, Processor, handover.RunKey, outcome.Status, Details: outcome.Details);
            messageId = await _services.GetRequiredService<ICompletionPublisher>().PublishAsync(Topic, message, shutdown.GraceExpired).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ProcessorLog.NotPublished(_logger, handover.RunKey, ex);
            var failed = outcome.Status == CompletionStatus.Failed ? $" (the work failed: {Clause(outcome.Details)})" : string.Empty;
            return _reporter.Report(
                $"The {status} report for run key {handover.RunKey} (processor {Processor}){failed} was not published, so the orchestrator does not know of this run: {Clause(NotPublishedReason(ex, shutdown))}. A retried task publishes it again.",
                ProcessorExitCodes.NotReported);
        }

        ProcessorLog.Reported(_logger, status, handover.RunKey, Processor, Topic, messageId);
        return outcome.Status == CompletionStatus.Succeeded
            ? ProcessorExitCodes.Succeeded
            : _reporter.Report($"The work for run key {handover.RunKey} failed: {Clause(outcome.Details)}. Reported failed as processor {Processor} (message {messageId}); Cloud Run retries the task.", ProcessorExitCodes.WorkFailed);
    }

    private async Task<ProcessorOutcome> WorkAsync(PhaseHandover handover, CancellationToken stop)
    {
        try
        {
            return await _services.GetRequiredService<IProcessorWork>().RunAsync(handover, stop).ConfigureAwait(false)
                ?? ProcessorOutcome.Failed("the work returned no outcome");
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException)
        {
            return ProcessorOutcome.Failed("cancelled (SIGTERM or Ctrl+C: the task timed out or its execution was cancelled) before the work finished");
        }
        catch (Exception ex)
        {
            ProcessorLog.WorkThrew(_logger, handover.RunKey, ex);
            return ProcessorOutcome.Failed($"{ex.GetType().Name}: {StartupFailureReporter.Describe(ex)}");
        }
    }

    private async Task<bool> LeaveToEarlierExecutionAsync(PhaseHandover handover, CancellationToken stop)
    {
        if (_options.Job is not { Length: > 0 } job || handover.IdempotencyKey is not { } key || _process.GetVariable("CLOUD_RUN_EXECUTION") is not { Length: > 0 } execution)
        {
            return false;
        }

        string? earlier;
        try
        {
            earlier = await EarlierExecutionCheck.FindAsync(_services.GetRequiredService<CloudRunJobsClient>(), job, key, execution, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;   // stopped while looking: the work sees the same token and the run is reported cancelled
        }
        catch (Exception ex)
        {
            ProcessorLog.EarlierExecutionUnknown(_logger, job, key, StartupFailureReporter.Describe(ex));
            return false;
        }

        if (earlier is null)
        {
            return false;
        }

        ProcessorLog.LeftToEarlierExecution(_logger, earlier, job, key);
        return true;
    }

    private static string Clause(string? text) => (text ?? string.Empty).Trim().TrimEnd('.');

    private string NotPublishedReason(Exception exception, ShutdownSignal shutdown) => exception switch
    {
        OperationCanceledException when shutdown.GraceExpired.IsCancellationRequested =>
            string.Create(CultureInfo.InvariantCulture, $"Pub/Sub did not answer within the {ShutdownSignal.GracePeriod.TotalSeconds:0} s left after SIGTERM (Cloud Run stops the task 10 s after it)."),
        GoogleApiException { HttpStatus: HttpStatusCode.NotFound } =>
            $"the completions topic {Topic} does not exist (Pub/Sub answered 404 NOT_FOUND). Create it (gcloud pubsub topics create {Topic.Split('/')[^1]} --project={Topic.Split('/')[1]}) or set {ProcessorVariables.Describe(nameof(ProcessorOptions.CompletionTopic))} to the orchestrator's completions topic.",
        _ => StartupFailureReporter.Describe(exception),
    };
}
