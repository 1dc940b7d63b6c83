using Pax.Orchestration.Completion.Hosting;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Completion;

/// <summary>
/// Options of Pax.Orchestration, bound from <see cref="SectionName"/> (<c>Pax:Orchestration</c>, so environment
/// variables such as <c>Pax__Orchestration__Phases__0__Name</c> work) and validated at startup.
/// </summary>
public sealed class OrchestrationOptions
{
    /// <summary>The configuration section: <c>Pax:Orchestration</c>.</summary>
    public const string SectionName = "Pax:Orchestration";

    /// <summary>Gets or sets where tallies are kept.</summary>
    /// <value>Default <see langword="null"/>: <see cref="OrchestrationStoreKind.Firestore"/> when <c>FIRESTORE_EMULATOR_HOST</c> is set, else <see cref="OrchestrationStoreKind.Sqlite"/>.</value>
    public OrchestrationStoreKind? Store { get; set; }

    /// <summary>Gets or sets the SQLite store's options.</summary>
    /// <value>Default: see <see cref="SqliteStoreOptions"/>.</value>
    public SqliteStoreOptions Sqlite { get; set; } = new();

    /// <summary>Gets or sets the Firestore store's options.</summary>
    /// <value>Default: see <see cref="FirestoreStoreOptions"/>.</value>
    public FirestoreStoreOptions Firestore { get; set; } = new();

    /// <summary>Gets or sets the phases whose completions are tallied.</summary>
    /// <value>Default empty; at least one is required.</value>
    public List<PhaseDefinition> Phases { get; set; } = [];

    /// <summary>
    /// Gets or sets how callers of the intake and the operator endpoints are authenticated (<c>Pax:Orchestration:Authentication</c>):
    /// <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> are the push subscription's service accounts.
    /// </summary>
    /// <value>Default: see <see cref="InboundAuthenticationOptions"/> (<see cref="InboundAuthenticationMode.CloudRunIam"/>, nobody allowed yet).</value>
    public InboundAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Gets or sets the push subscription's ack deadline the intake answers within (<c>Pax:Orchestration:Push</c>).</summary>
    /// <value>Default: see <see cref="PushOptions"/>.</value>
    public PushOptions Push { get; set; } = new();

    /// <summary>
    /// Gets or sets who (service accounts or users: an email or a <c>user:</c>/<c>serviceAccount:</c> member, matched with
    /// the verified email of their Google ID token) may call <c>POST /watchdog</c> and <c>GET /tallies/{phase}/{runKey}</c>,
    /// such as the Cloud Scheduler job that runs the watchdog. They are authenticated like push deliveries
    /// (<see cref="Authentication"/>'s mode and audience).
    /// </summary>
    /// <value>Default empty: only <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> of <see cref="Authentication"/> may call them.</value>
    public List<string> OperatorAccounts { get; set; } = [];

    /// <summary>Gets or sets how long a claim on a trigger lasts before the watchdog or a redelivery may re-drive it.</summary>
    /// <value>Default 60 seconds. Between 1 second and 1 hour, and longer than <see cref="TriggerTimeout"/>.</value>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how long the intake waits for a trigger before leaving it to the outbox. Keep it well inside the
    /// push subscription's ack deadline (default 10 s), so a slow trigger does not cause a redelivery.
    /// </summary>
    /// <value>Default 5 seconds. Between 100 milliseconds and 10 minutes.</value>
    public TimeSpan TriggerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest request body the intake reads; larger deliveries are acknowledged and recorded as rejected.</summary>
    /// <value>Default 65,536 bytes. Between 1,024 and 10,485,760 (Pub/Sub's message limit).</value>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the most untriggered tallies per phase the watchdog looks at in one run.</summary>
    /// <value>Default 500. Between 1 and 10,000.</value>
    public int WatchdogBatchSize { get; set; } = 500;

    /// <summary>Gets or sets what the watchdog deletes when it runs (<c>Pax:Orchestration:Retention</c>).</summary>
    /// <value>Default: see <see cref="RetentionOptions"/> (pulse counts and rejected deliveries older than 30 days, at most 500 of each per run).</value>
    public RetentionOptions Retention { get; set; } = new();
}
