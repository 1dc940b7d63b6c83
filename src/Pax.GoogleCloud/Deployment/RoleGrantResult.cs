namespace Pax.GoogleCloud.Deployment;

/// <summary>
/// The result of <see cref="GoogleCloudDeployer.EnsureInvokerAsync"/>, <see cref="GoogleCloudDeployer.EnsureRoleAsync"/>
/// and <see cref="GoogleCloudDeployer.EnsureJobRunnerWithOverridesAsync"/>: one role for one member on one service or job.
/// </summary>
/// <param name="Resource">The service or job: <c>projects/P/locations/R/services/S</c> or <c>…/jobs/J</c>.</param>
/// <param name="Member">The member, such as <c>serviceAccount:orchestrator@p.iam.gserviceaccount.com</c>.</param>
/// <param name="Role">The role, such as <c>roles/run.invoker</c> or <c>roles/run.jobsExecutorWithOverrides</c>.</param>
/// <param name="Changed">
/// <see langword="true"/> when the policy was written to add the binding; <see langword="false"/> when the member already
/// held the role without a condition (nothing was written).
/// </param>
/// <param name="Attempts">How many read-modify-write rounds it took (more than one after etag conflicts).</param>
public sealed record RoleGrantResult(string Resource, string Member, string Role, bool Changed, int Attempts);
