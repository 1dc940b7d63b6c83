namespace Pax.GoogleCloud.Scheduler;

/// <summary>The result of <see cref="CloudSchedulerClient.CreateOrUpdateJobAsync"/>.</summary>
/// <param name="Job">The job as Cloud Scheduler stored it.</param>
/// <param name="Outcome">Whether it was created or updated.</param>
public sealed record SchedulerJobWriteResult(SchedulerJob Job, SchedulerJobWriteOutcome Outcome);
