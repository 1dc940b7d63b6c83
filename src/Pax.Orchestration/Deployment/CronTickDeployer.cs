using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Deployment.Internal;

namespace Pax.Orchestration.Deployment;

/// <summary>
/// Sets up what calls the tick: grants the scheduler's service account <c>roles/run.invoker</c> on the service
/// (<see cref="GoogleCloudDeployer.EnsureInvokerAsync"/>), then creates or updates the Cloud Scheduler job that POSTs to
/// the tick with an OIDC token (<see cref="SchedulerTarget.Service"/>). Both steps are idempotent, so run it on every
/// deployment. The identity running it needs <c>roles/run.admin</c> on the service, <c>roles/cloudscheduler.admin</c>
/// and <c>roles/iam.serviceAccountUser</c> on the scheduler's account. Resolve it from DI after <c>AddPaxOrchestration</c>.
/// </summary>
public sealed class CronTickDeployer
{
    private readonly GoogleCloudDeployer _deployer;
    private readonly ILogger<CronTickDeployer> _logger;

    /// <summary>Initializes a deployer.</summary>
    /// <param name="deployer">Pax.GoogleCloud's deployment helpers, from DI (<c>AddPaxGoogleCloud</c>).</param>
    /// <param name="logger">The logger.</param>
    public CronTickDeployer(GoogleCloudDeployer deployer, ILogger<CronTickDeployer> logger)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(logger);
        _deployer = deployer;
        _logger = logger;
    }

    /// <summary>
    /// Grants the invoker role first, so the job's first tick is not refused for want of it (an IAM change can still
    /// take a minute to apply; the next tick then goes through), then writes the Scheduler job.
    /// </summary>
    /// <param name="deployment">The service and the schedule.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The job and what was changed.</returns>
    /// <exception cref="ArgumentException">The deployment is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleCloud.GoogleApiException">Cloud Run or Cloud Scheduler refused a call.</exception>
    public async Task<CronTickDeploymentResult> ScheduleTickAsync(CronTickDeployment deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var job = deployment.ToJobDefinition();
        if (!GoogleCloud.Run.CloudRunIamClient.IsResourceName(deployment.ServiceResource))
        {
            throw new ArgumentException($"'{deployment.ServiceResource}' does not name a Cloud Run service: check Project, Region and Service.", nameof(deployment));
        }

        var grant = await _deployer.EnsureInvokerAsync(deployment.ServiceResource, deployment.InvokerMember, cancellationToken).ConfigureAwait(false);
        DeploymentLog.InvokerEnsured(_logger, grant.Member, grant.Resource, grant.Changed, grant.Attempts);
        var written = await _deployer.CreateOrUpdateSchedulerJobAsync(job, cancellationToken).ConfigureAwait(false);
        DeploymentLog.TickScheduled(
            _logger, written.JobName, written.Outcome.ToString().ToLowerInvariant(), job.Target.Uri, job.Schedule, job.TimeZone, job.Target.ServiceAccountEmail);
        return new CronTickDeploymentResult(written, grant);
    }
}
