using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// Runs a Cloud Run job (Admin API v2 <c>jobs/J:run</c>, OAuth access token) with the environment overridden by the
/// handover (<see cref="PhaseHandover"/>): <c>PAX_PHASE</c> (the completed phase), <c>PAX_RUN_KEY</c> and
/// <c>PAX_IDEMPOTENCY_KEY</c>, and <c>TRACEPARENT</c> (the trigger's trace context, W3C) when it runs in a span.
/// <para>
/// Because it sends overrides, the orchestrator's service account needs <c>run.jobs.runWithOverrides</c> on the job,
/// which <c>roles/run.invoker</c> does <b>not</b> include (Cloud Run answers 403 <c>PERMISSION_DENIED</c>): grant
/// <c>roles/run.jobsExecutorWithOverrides</c>, plus <c>roles/run.viewer</c> for the executions list read before a
/// re-drive — <see cref="CloudRunIamClient.EnsureJobRunnerWithOverridesAsync"/> grants both (or grant <c>roles/run.developer</c>).
/// </para>
/// <para>
/// On a re-drive (<see cref="PhaseTriggerRequest.Redrive"/>: an earlier attempt timed out, failed or died after
/// claiming), it first lists the job's executions (<c>GET v2/{job}/executions</c>, newest <see cref="MaxExecutionsExamined"/>)
/// and looks in each execution's <c>template.containers[].env</c> for <c>PAX_IDEMPOTENCY_KEY</c> with this key; when one
/// is there, the earlier run landed and no second execution is started — unless that execution failed or was
/// cancelled (<see cref="CloudRunExecution.FailedOrCancelled"/>), which did not do the work, so a new one is started. An earlier run that lands only after the
/// claim's lease (default 60 s) can still give a second execution, so a job for which running twice would matter
/// checks too (<see cref="ProcessorOptions.Job"/> makes <see cref="ProcessorHost"/> step aside for an earlier execution). When the list cannot be read (403 without <c>run.executions.list</c>, or an outage)
/// the re-drive fails and the claim stays for the next one: nothing is started blind, nothing is lost.
/// </para>
/// </summary>
internal sealed class CloudRunJobTrigger : IPhaseTrigger
{
    /// <summary>The most executions a re-drive looks through (newest first): 1,000, what Cloud Run keeps beyond seven days.</summary>
    public const int MaxExecutionsExamined = 1000;

    private const int PageSize = 100;
    private readonly CloudRunJobsClient _jobs;
    private readonly ILogger _logger;

    /// <summary>Initializes a trigger for <paramref name="job"/>.</summary>
    /// <param name="jobs">The Cloud Run client from DI.</param>
    /// <param name="job">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <exception cref="ArgumentException">The job name is not valid.</exception>
    public CloudRunJobTrigger(CloudRunJobsClient jobs, string job)
        : this(jobs, job, null)
    {
    }

    /// <summary>Initializes a trigger for <paramref name="job"/> that logs what a re-drive found.</summary>
    /// <param name="jobs">The Cloud Run client from DI.</param>
    /// <param name="job">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The job name is not valid.</exception>
    public CloudRunJobTrigger(CloudRunJobsClient jobs, string job, ILogger<CloudRunJobTrigger>? logger)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (!CloudRunJobsClient.IsJobName(job))
        {
            throw new ArgumentException($"'{job}' is not a job name: use projects/P/locations/R/jobs/J.", nameof(job));
        }

        _jobs = jobs;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Job = job;
    }

    /// <summary>Gets the job.</summary>
    public string Job { get; }

    /// <inheritdoc />
    public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Redrive && await FindExecutionAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            TriggerLog.ExecutionFound(_logger, request.IdempotencyKey, Job, existing.Name);
            return;
        }

        List<CloudRunEnvVar> env =
        [
            new CloudRunEnvVar { Name = PhaseHandover.PhaseVariable, Value = request.Phase },
            new CloudRunEnvVar { Name = PhaseHandover.RunKeyVariable, Value = request.RunKey },
            new CloudRunEnvVar { Name = PhaseHandover.IdempotencyKeyVariable, Value = request.IdempotencyKey },
        ];

        // The execution continues the trigger's trace: ProcessorHost and the collector read TRACEPARENT.
        if (Activity.Current is { } span)
        {
            env.Add(new CloudRunEnvVar { Name = PhaseHandover.TraceParentVariable, Value = TraceContextText.Format(span.Context) });
            if (!string.IsNullOrEmpty(span.TraceStateString))
            {
                env.Add(new CloudRunEnvVar { Name = TraceContextText.TraceStateVariable, Value = span.TraceStateString });
            }
        }

        var overrides = new CloudRunJobOverrides { ContainerOverrides = [new CloudRunContainerOverride { Env = env }] };
        await _jobs.RunJobAsync(Job, overrides, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CloudRunExecution?> FindExecutionAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var examined = 0;
        string? pageToken = null;
        do
        {
            var page = await _jobs.ListExecutionsAsync(Job, PageSize, pageToken, cancellationToken).ConfigureAwait(false);
            // An execution that failed or was cancelled did not do the phase's work: it does not stand for this run.
            var match = page.Executions.FirstOrDefault(e => !e.FailedOrCancelled && string.Equals(e.FindEnv(PhaseHandover.IdempotencyKeyVariable), idempotencyKey, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            examined += page.Executions.Count;
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken) && examined < MaxExecutionsExamined);

        if (!string.IsNullOrEmpty(pageToken))
        {
            TriggerLog.ExecutionSearchTruncated(_logger, idempotencyKey, Job, MaxExecutionsExamined);
        }
        else
        {
            TriggerLog.ExecutionNotFound(_logger, idempotencyKey, Job, examined);
        }

        return null;
    }
}
