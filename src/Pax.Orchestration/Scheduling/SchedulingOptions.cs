using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Options of the tick scheduler, bound from <see cref="SectionName"/> (<c>Pax:Scheduling</c>, so environment
/// variables such as <c>Pax__Scheduling__Lease</c> work) and validated at startup.
/// </summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section: <c>Pax:Scheduling</c>.</summary>
    public const string SectionName = "Pax:Scheduling";

    /// <summary>Gets or sets where jobs are kept.</summary>
    /// <value>Default <see langword="null"/>: <see cref="OrchestrationStoreKind.Firestore"/> when <c>FIRESTORE_EMULATOR_HOST</c> is set, else <see cref="OrchestrationStoreKind.Sqlite"/>.</value>
    public OrchestrationStoreKind? Store { get; set; }

    /// <summary>Gets or sets the SQLite store's options.</summary>
    /// <value>Default path <c>pax-scheduling.db</c> in the working directory.</value>
    public SqliteStoreOptions Sqlite { get; set; } = new() { Path = "pax-scheduling.db" };

    /// <summary>Gets or sets the Firestore store's options.</summary>
    /// <value>Default: see <see cref="SchedulingFirestoreOptions"/>.</value>
    public SchedulingFirestoreOptions Firestore { get; set; } = new();

    /// <summary>Gets or sets how long a claim lasts; a running handler renews it every third of it.</summary>
    /// <value>Default 60 seconds. Between 1 second and 1 hour.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the most handler runs one tick starts.</summary>
    /// <value>Default 100. Between 1 and 10,000.</value>
    public int MaxJobsPerTick { get; set; } = 100;

    /// <summary>
    /// Gets or sets how long a tick may work: no claim starts after it, and running handlers are cancelled at its end.
    /// Keep it under the Scheduler job's attempt deadline (default 3 minutes) and the service's request timeout.
    /// </summary>
    /// <value>Default 50 seconds. Between 100 milliseconds and 30 minutes.</value>
    public TimeSpan TickBudget { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Gets or sets how many handlers one tick runs at once.</summary>
    /// <value>Default 4. Between 1 and 256.</value>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the attempts per run for jobs created without <see cref="ScheduledJobRequest.MaxAttempts"/>.</summary>
    /// <value>Default 5. Between 1 and 100.</value>
    public int DefaultMaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; it doubles with each attempt, with jitter.</summary>
    /// <value>Default 30 seconds. Between 0 and <see cref="RetryMaxDelay"/>.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest delay between retries.</summary>
    /// <value>Default 1 hour. At most 7 days.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how tick and job requests are authenticated (<c>Pax:Scheduling:Authentication</c>; as for push:
    /// Cloud Scheduler sends an OIDC token): <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> are the
    /// Scheduler job's service accounts (<c>oidcToken.serviceAccountEmail</c>), allowed to call <c>POST /cron/tick</c>.
    /// </summary>
    /// <value>Default: see <see cref="InboundAuthenticationOptions"/> (<see cref="InboundAuthenticationMode.CloudRunIam"/>, nobody allowed yet).</value>
    public InboundAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>
    /// Gets or sets who (an email or a <c>user:</c>/<c>serviceAccount:</c> member, matched with the verified email of their
    /// Google ID token) may create and read jobs through <c>POST /jobs</c> and <c>GET /jobs/{id}</c>. Whoever may create an
    /// <c>http</c> job makes this service send requests (and, with an <c>audience</c>, ID tokens minted as its runtime
    /// account), so keep this list to the deployment's administrators.
    /// </summary>
    /// <value>Default empty: <see cref="Authentication"/>'s <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> may create jobs.</value>
    public List<string> JobCreators { get; set; } = [];

    /// <summary>Gets or sets where the built-in <c>http</c> job type may send requests and ID tokens (<c>Pax:Scheduling:HttpJobs</c>).</summary>
    /// <value>Default: see <see cref="HttpJobOptions"/> (any destination except link-local and metadata addresses; ID tokens only for the URL's own origin).</value>
    public HttpJobOptions HttpJobs { get; set; } = new();

    /// <summary>Gets or sets how many of each job's past outcomes are kept (<c>Pax:Scheduling:History</c>), see <see cref="ScheduledJob.History"/>.</summary>
    /// <value>Default: see <see cref="JobHistoryOptions"/> (the last 20 outcomes, none older than 90 days, the newest always).</value>
    public JobHistoryOptions History { get; set; } = new();
}
