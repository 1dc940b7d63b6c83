using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Dashboard;

/// <summary>
/// Options of the Pax dashboard, bound from <see cref="SectionName"/> (<c>Pax:Dashboard</c>) and validated at startup:
/// who may look (<see cref="Authentication"/>) and whether they may act (<see cref="AllowActions"/>).
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section: <c>Pax:Dashboard</c>.</summary>
    public const string SectionName = "Pax:Dashboard";

    /// <summary>
    /// Gets or sets who may use the dashboard and how a viewer is authenticated (<c>Pax:Dashboard:Authentication</c>).
    /// <see cref="InboundAuthenticationMode.CloudRunIam"/>: the request came through Cloud Run's IAM check (the viewer
    /// holds <c>roles/run.invoker</c> and reached the service with an ID token, for example through
    /// <c>gcloud run services proxy</c>); the token's email must be one of the allowed principals (people:
    /// <c>user:alice@example.com</c>, <c>serviceAccount:ops@p.iam.gserviceaccount.com</c>).
    /// <see cref="InboundAuthenticationMode.VerifySignature"/>: a public service; the token's Google signature and
    /// audience are verified first (a person's token from <c>gcloud</c> carries gcloud's OAuth client id, so with
    /// <see cref="InboundAuthenticationMode.CloudRunIam"/> leave the audience unset). <see cref="InboundAuthenticationMode.None"/>:
    /// anyone who reaches the port (local runs only; refused at startup on Cloud Run unless
    /// <see cref="AllowUnauthenticatedOnCloudRun"/>).
    /// </summary>
    /// <value>Default: see <see cref="InboundAuthenticationOptions"/> (<see cref="InboundAuthenticationMode.CloudRunIam"/>, nobody allowed yet).</value>
    public InboundAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Gets or sets whether allowed principals may re-drive a claimed tally, retry a failed job and delete a job (POST with antiforgery, audited in the log).</summary>
    /// <value>Default <see langword="false"/>: read only.</value>
    public bool AllowActions { get; set; }

    /// <summary>Gets or sets whether <see cref="InboundAuthenticationMode.None"/> is accepted on Cloud Run (<c>K_SERVICE</c> set).</summary>
    /// <value>Default <see langword="false"/>: the process refuses to start with an open dashboard on Cloud Run.</value>
    public bool AllowUnauthenticatedOnCloudRun { get; set; }

    /// <summary>Gets or sets how many rows a page shows per phase or job status (each row is one Firestore read).</summary>
    /// <value>Default 25. Between 1 and 200.</value>
    public int PageSize { get; set; } = 25;

    /// <summary>Gets or sets how often pages reload themselves (<c>&lt;meta http-equiv="refresh"&gt;</c>, no script).</summary>
    /// <value>Default <see langword="null"/>: no auto-refresh. Between 5 seconds and 1 hour.</value>
    public TimeSpan? AutoRefresh { get; set; }
}
