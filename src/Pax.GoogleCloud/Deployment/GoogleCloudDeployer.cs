using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;

namespace Pax.GoogleCloud.Deployment;

/// <summary>
/// What a deployment sets up from code, with the mistakes Pax's analyzers look for made impossible: a Cloud Scheduler
/// job whose token is chosen by its <see cref="SchedulerTarget"/> (OAuth for Google APIs such as Cloud Run Jobs'
/// <c>:run</c>, OIDC for services), created or updated to match its definition; and the Cloud Run IAM grants its callers
/// need, added etag-safely (a concurrent policy change is re-read, never overwritten). Every call is idempotent, so run
/// them on every deployment. Resolve it from DI after <c>services.AddPaxGoogleCloud()</c>; it calls Google's REST APIs
/// with Application Default Credentials and Google's retry rules.
/// </summary>
/// <remarks>
/// Pax keeps its REST clients internal: they cover only the calls Pax makes. For other calls to Cloud Scheduler or
/// Cloud Run, use Google's own .NET clients (<c>Google.Cloud.Scheduler.V1</c>, <c>Google.Cloud.Run.V2</c>).
/// </remarks>
public sealed class GoogleCloudDeployer
{
    private readonly CloudSchedulerClient _scheduler;
    private readonly CloudRunIamClient _iam;

    internal GoogleCloudDeployer(CloudSchedulerClient scheduler, CloudRunIamClient iam)
    {
        _scheduler = scheduler;
        _iam = iam;
    }

    /// <summary>The role that lets a member call a service or run a job <b>without</b> overrides (<c>run.jobs.run</c>): <c>roles/run.invoker</c>.</summary>
    public const string InvokerRole = CloudRunIamClient.InvokerRole;

    /// <summary>
    /// Creates the Scheduler job (<c>POST v1/projects/{p}/locations/{l}/jobs</c>) or, when it exists (409
    /// <c>ALREADY_EXISTS</c>), updates it (<c>PATCH v1/{name}?updateMask=…</c>) so that it matches
    /// <paramref name="definition"/>. The mask names each field by its leaf path (<c>description</c>, <c>schedule</c>,
    /// <c>timeZone</c>, <c>attemptDeadline</c>, <c>retryConfig.retryCount</c> and the other retry settings,
    /// <c>httpTarget.uri</c>, <c>httpTarget.httpMethod</c>, <c>httpTarget.headers</c>, <c>httpTarget.body</c>, and the four
    /// token paths), so each is replaced: headers the definition no longer has are removed, a body it no longer has is
    /// cleared, the token of the other kind goes, and fields it leaves unset go back to Cloud Scheduler's defaults. A
    /// paused job stays paused. The caller's identity needs <c>roles/cloudscheduler.admin</c> and
    /// <c>roles/iam.serviceAccountUser</c> on the target's service account.
    /// </summary>
    /// <param name="definition">The job as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored job's name and state, and whether it was created or updated.</returns>
    /// <exception cref="ArgumentException">The definition is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Scheduler refused the call (403: see the message for the roles to grant).</exception>
    public Task<SchedulerJobWriteResult> CreateOrUpdateSchedulerJobAsync(SchedulerJobDefinition definition, CancellationToken cancellationToken = default) =>
        _scheduler.CreateOrUpdateJobAsync(definition, cancellationToken);

    /// <summary>
    /// Makes sure <paramref name="member"/> holds <see cref="InvokerRole"/> on <paramref name="resource"/>: the grant a
    /// push subscription, an Eventarc trigger or a Scheduler job needs to call a service, or to run a job <b>without</b>
    /// overrides. See <see cref="EnsureRoleAsync"/> for how the policy is changed.
    /// </summary>
    /// <param name="resource">The service (<c>projects/P/locations/R/services/S</c>) or job (<c>projects/P/locations/R/jobs/J</c>).</param>
    /// <param name="member">The member, such as <c>serviceAccount:scheduler@p.iam.gserviceaccount.com</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the policy was changed.</returns>
    /// <exception cref="ArgumentException">The resource or member is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">
    /// The resource does not exist (404), the caller may not read or set its policy (403), or every attempt met a
    /// concurrent change (409 <c>ABORTED</c>).
    /// </exception>
    public Task<RoleGrantResult> EnsureInvokerAsync(string resource, string member, CancellationToken cancellationToken = default) =>
        _iam.EnsureInvokerAsync(resource, member, cancellationToken);

    /// <summary>
    /// Makes sure <paramref name="member"/> holds <paramref name="role"/> on <paramref name="resource"/>: reads the policy
    /// (version 3, so conditional bindings come back intact), and when the member is not in an unconditional binding of
    /// the role, adds it and writes the policy back with the etag it read. Other bindings, conditions, the version and
    /// fields Pax does not model are sent back as read. When another writer changed the policy in between (409
    /// <c>ABORTED</c>), the whole read-modify-write is repeated after a backoff, at most
    /// <see cref="GoogleRetryOptions.MaxRetryAttempts"/> more times. When the member is already bound, nothing is written.
    /// The caller needs <c>run.services.setIamPolicy</c> / <c>run.jobs.setIamPolicy</c> (<c>roles/run.admin</c>).
    /// </summary>
    /// <param name="resource">The service (<c>projects/P/locations/R/services/S</c>) or job (<c>projects/P/locations/R/jobs/J</c>).</param>
    /// <param name="member">The member, such as <c>serviceAccount:scheduler@p.iam.gserviceaccount.com</c>.</param>
    /// <param name="role">A predefined or custom role: <c>roles/NAME</c>, <c>projects/P/roles/NAME</c> or <c>organizations/O/roles/NAME</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the policy was changed.</returns>
    /// <exception cref="ArgumentException">The resource, member or role is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">
    /// The resource does not exist (404), the caller may not read or set its policy (403), or every attempt met a
    /// concurrent change (409 <c>ABORTED</c>).
    /// </exception>
    public Task<RoleGrantResult> EnsureRoleAsync(string resource, string member, string role, CancellationToken cancellationToken = default) =>
        _iam.EnsureRoleAsync(resource, member, role, cancellationToken);

    /// <summary>
    /// Makes sure the identity a Cloud Run Job trigger runs as (Pax.Orchestration's <c>Trigger:Job</c>) may run
    /// <paramref name="job"/> with overrides and find the executions it started: grants
    /// <c>roles/run.jobsExecutorWithOverrides</c> (<c>run.jobs.run</c>, <c>run.jobs.runWithOverrides</c>) and
    /// <c>roles/run.viewer</c> (<c>run.executions.list</c>, read before a re-drive) on the job, each with
    /// <see cref="EnsureRoleAsync"/>. <c>roles/run.invoker</c> is not enough: it lacks <c>run.jobs.runWithOverrides</c>, and
    /// Cloud Run answers such a run with 403 <c>PERMISSION_DENIED</c>
    /// (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run; cloud.google.com/iam/docs/roles-permissions/run).
    /// </summary>
    /// <param name="job">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <param name="member">The member, such as <c>serviceAccount:orchestrator@p.iam.gserviceaccount.com</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per role, in the order above.</returns>
    /// <exception cref="ArgumentException">The job or member is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">As for <see cref="EnsureRoleAsync"/>.</exception>
    public Task<IReadOnlyList<RoleGrantResult>> EnsureJobRunnerWithOverridesAsync(string job, string member, CancellationToken cancellationToken = default) =>
        _iam.EnsureJobRunnerWithOverridesAsync(job, member, cancellationToken);
}
