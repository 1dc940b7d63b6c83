using Pax.GoogleCloud.Deployment;

namespace Pax.Orchestration.Deployment;

/// <summary>
/// Where the lease-based tick runs and who calls it: a Cloud Run service whose <see cref="Path"/> (<c>/cron/tick</c>)
/// Cloud Scheduler POSTs to on <see cref="Schedule"/> with an OIDC ID token of <see cref="SchedulerServiceAccount"/>
/// (audience = the service URL). What <see cref="CronTickDeployer.ScheduleTickAsync"/> sets up, and what
/// <c>samples/Pax.Orchestrator.Function/deploy/deploy.sh</c> does with gcloud.
/// </summary>
public sealed record CronTickDeployment
{
    /// <summary>The default schedule: every minute (<c>* * * * *</c>).</summary>
    public const string DefaultSchedule = "* * * * *";

    /// <summary>The default path of the tick endpoint: <c>/cron/tick</c>.</summary>
    public const string DefaultPath = "/cron/tick";

    /// <summary>The suffix of the default Scheduler job id: <c>-cron-tick</c> (<c>pax-orchestrator-cron-tick</c>).</summary>
    public const string JobIdSuffix = "-cron-tick";

    /// <summary>Gets the project of the service and of the Scheduler job.</summary>
    public required string Project { get; init; }

    /// <summary>Gets the region of the service and of the Scheduler job, such as <c>us-east1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the Cloud Run service's name, such as <c>pax-orchestrator</c>.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the service's URL (<c>status.url</c>, such as <c>https://pax-orchestrator-abc123-ue.a.run.app</c>): the base of the tick URL and the token's audience.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>Gets the email of the service account Cloud Scheduler calls as; it is granted <c>roles/run.invoker</c> on the service.</summary>
    public required string SchedulerServiceAccount { get; init; }

    /// <summary>Gets the Scheduler job id.</summary>
    /// <value>Default <see langword="null"/>: <see cref="Service"/> + <see cref="JobIdSuffix"/>.</value>
    public string? JobId { get; init; }

    /// <summary>Gets the unix-cron schedule.</summary>
    /// <value>Default <see cref="DefaultSchedule"/>.</value>
    public string Schedule { get; init; } = DefaultSchedule;

    /// <summary>Gets the time zone the schedule is read in.</summary>
    /// <value>Default <c>Etc/UTC</c>.</value>
    public string TimeZone { get; init; } = SchedulerJobDefinition.DefaultTimeZone;

    /// <summary>Gets the tick endpoint's path on the service.</summary>
    /// <value>Default <see cref="DefaultPath"/>.</value>
    public string Path { get; init; } = DefaultPath;

    /// <summary>
    /// Gets how long Cloud Scheduler waits for a tick; keep the tick's own time budget under it, and make it as long as
    /// the service's request timeout, or Scheduler records a slow tick as <c>DEADLINE_EXCEEDED</c> and retries it while
    /// the first still runs (<c>pax doctor</c>: PAX104).
    /// </summary>
    /// <value>
    /// Default 5 minutes: Cloud Run's default request timeout (and the sample's <c>deploy.sh</c> <c>REQUEST_TIMEOUT</c>), so
    /// PAX104 has nothing to report for a service with the default timeout. Set it to the service's timeout when that
    /// differs (15 seconds to 30 minutes); <see langword="null"/> leaves Cloud Scheduler's default of 3 minutes.
    /// </value>
    public TimeSpan? AttemptDeadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the service's resource name: <c>projects/{Project}/locations/{Region}/services/{Service}</c>.</summary>
    public string ServiceResource => $"projects/{Project}/locations/{Region}/services/{Service}";

    /// <summary>Gets the IAM member granted <c>roles/run.invoker</c>: <c>serviceAccount:{SchedulerServiceAccount}</c>.</summary>
    public string InvokerMember => $"serviceAccount:{SchedulerServiceAccount}";

    /// <summary>Builds the Scheduler job: <c>POST {ServiceUrl}{Path}</c> with an OIDC token whose audience is the service URL.</summary>
    /// <returns>The validated job definition.</returns>
    /// <exception cref="ArgumentException">A property is not valid (the service URL must be the service's origin, https, not a Google API).</exception>
    public SchedulerJobDefinition ToJobDefinition()
    {
        ArgumentNullException.ThrowIfNull(ServiceUrl);
        if (!ServiceUrl.IsAbsoluteUri || ServiceUrl.AbsolutePath != "/" || ServiceUrl.Query.Length > 0)
        {
            throw new ArgumentException($"ServiceUrl '{ServiceUrl}' must be the service's URL without a path (such as https://svc-abc123-ue.a.run.app); the path goes in Path.", nameof(ServiceUrl));
        }

        if (string.IsNullOrEmpty(Path) || Path[0] != '/' || Path.Contains('?', StringComparison.Ordinal) || Path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path '{Path}' must start with '/' and hold no query or fragment.", nameof(Path));
        }

        var definition = new SchedulerJobDefinition
        {
            Project = Project,
            Location = Region,
            JobId = JobId ?? Service + JobIdSuffix,
            Schedule = Schedule,
            TimeZone = TimeZone,
            AttemptDeadline = AttemptDeadline,
            Description = $"Pax tick: POST {Path} on Cloud Run service {Service}",
            Target = SchedulerTarget.Service(new Uri(ServiceUrl, Path), SchedulerServiceAccount),
        };
        definition.Validate();
        return definition;
    }
}
