using Pax.GoogleCloud.Deployment;

namespace Pax.Orchestration.Deployment;

/// <summary>What <see cref="CronTickDeployer.ScheduleTickAsync"/> did.</summary>
/// <param name="Job">The Scheduler job as stored (its name and state) and whether it was created or updated.</param>
/// <param name="Invoker">Whether the scheduler's account had to be granted <c>roles/run.invoker</c> on the service.</param>
public sealed record CronTickDeploymentResult(SchedulerJobWriteResult Job, RoleGrantResult Invoker);
