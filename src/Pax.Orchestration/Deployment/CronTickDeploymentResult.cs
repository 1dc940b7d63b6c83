using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;

namespace Pax.Orchestration.Deployment;

/// <summary>What <see cref="CronTickDeployer.ScheduleTickAsync"/> did.</summary>
/// <param name="Job">The Scheduler job as stored.</param>
/// <param name="JobOutcome">Whether the job was created or updated.</param>
/// <param name="Invoker">Whether the scheduler's account had to be granted <c>roles/run.invoker</c> on the service.</param>
public sealed record CronTickDeploymentResult(SchedulerJob Job, SchedulerJobWriteOutcome JobOutcome, InvokerGrantResult Invoker);
