namespace Pax.GoogleCloud.Deployment;

/// <summary>What <see cref="GoogleCloudDeployer.CreateOrUpdateSchedulerJobAsync"/> did.</summary>
public enum SchedulerJobWriteOutcome
{
    /// <summary>The job did not exist and was created.</summary>
    Created,

    /// <summary>The job existed (create answered 409 <c>ALREADY_EXISTS</c>) and was updated to match the definition.</summary>
    Updated,
}
