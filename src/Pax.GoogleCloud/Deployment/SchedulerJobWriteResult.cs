using Pax.GoogleCloud.Scheduler;

namespace Pax.GoogleCloud.Deployment;

/// <summary>The result of <see cref="GoogleCloudDeployer.CreateOrUpdateSchedulerJobAsync"/>: the job Cloud Scheduler stored and what was done.</summary>
public sealed class SchedulerJobWriteResult
{
    internal SchedulerJobWriteResult(SchedulerJob job, SchedulerJobWriteOutcome outcome)
    {
        Job = job;
        Outcome = outcome;
    }

    /// <summary>Gets the job's resource name: <c>projects/{p}/locations/{l}/jobs/{id}</c>.</summary>
    public string JobName => Job.Name;

    /// <summary>Gets whether the job was created or updated.</summary>
    public SchedulerJobWriteOutcome Outcome { get; }

    /// <summary>
    /// Gets the job's state as stored: <c>ENABLED</c>, <c>PAUSED</c>, <c>DISABLED</c> or <c>UPDATE_FAILED</c> (an update that
    /// did not complete: write the job again), or <see langword="null"/> when Cloud Scheduler did not say.
    /// </summary>
    public string? State => Job.State;

    /// <summary>Gets the job as Cloud Scheduler returned it (Pax's own REST record).</summary>
    internal SchedulerJob Job { get; }
}
