using Pax.GoogleCloud.Run;

namespace Pax.Orchestration.Triggers;

/// <summary>
/// Runs a Cloud Run job (Admin API v2 <c>jobs/J:run</c>, OAuth access token) with the environment overridden:
/// <c>PAX_PHASE</c> (the completed phase), <c>PAX_RUN_KEY</c> and <c>PAX_IDEMPOTENCY_KEY</c>. The orchestrator's
/// service account needs <c>roles/run.invoker</c> on the job (it includes <c>run.jobs.runWithOverrides</c>).
/// </summary>
public sealed class CloudRunJobTrigger : IPhaseTrigger
{
    private readonly CloudRunJobsClient _jobs;

    /// <summary>Initializes a trigger for <paramref name="job"/>.</summary>
    /// <param name="jobs">The Cloud Run client from DI.</param>
    /// <param name="job">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <exception cref="ArgumentException">The job name is not valid.</exception>
    public CloudRunJobTrigger(CloudRunJobsClient jobs, string job)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (!CloudRunJobsClient.IsJobName(job))
        {
            throw new ArgumentException($"'{job}' is not a job name: use projects/P/locations/R/jobs/J.", nameof(job));
        }

        _jobs = jobs;
        Job = job;
    }

    /// <summary>Gets the job.</summary>
    public string Job { get; }

    /// <inheritdoc />
    public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var overrides = new CloudRunJobOverrides
        {
            ContainerOverrides =
            [
                new CloudRunContainerOverride
                {
                    Env =
                    [
                        new CloudRunEnvVar { Name = "PAX_PHASE", Value = request.Phase },
                        new CloudRunEnvVar { Name = "PAX_RUN_KEY", Value = request.RunKey },
                        new CloudRunEnvVar { Name = "PAX_IDEMPOTENCY_KEY", Value = request.IdempotencyKey },
                    ],
                },
            ],
        };
        await _jobs.RunJobAsync(Job, overrides, cancellationToken).ConfigureAwait(false);
    }
}
