namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Where the built-in <c>http</c> job type (<see cref="Handlers.HttpJobHandler"/>) may send requests and ID tokens,
/// bound from <see cref="SectionName"/> (<c>Pax:Scheduling:HttpJobs</c>). Link-local and metadata destinations are
/// refused whatever is configured here.
/// </summary>
public sealed class HttpJobOptions
{
    /// <summary>The configuration section: <c>Pax:Scheduling:HttpJobs</c>.</summary>
    public const string SectionName = SchedulingOptions.SectionName + ":HttpJobs";

    /// <summary>
    /// Gets or sets the destinations jobs may call: absolute URL prefixes (scheme, host, port and an optional path
    /// prefix, e.g. <c>https://reports-abc-ue.a.run.app/hooks</c>). A job URL matches an entry when its scheme, host and
    /// port are the entry's and its path is the entry's path or lies below it (<c>/hooks</c> matches <c>/hooks</c> and
    /// <c>/hooks/x</c>, not <c>/hooksx</c>); components are compared after parsing, so <c>https://good.com.evil.com</c>
    /// does not match <c>https://good.com</c>. Checked when a job is created (400 with the reason) and before each request.
    /// </summary>
    /// <value>Default empty: any http(s) destination that is not link-local or metadata.</value>
    public List<string> AllowedUrls { get; set; } = [];

    /// <summary>
    /// Gets or sets the ID token audiences a job may ask for besides its own URL's origin (a Cloud Run service's default
    /// audience is its URL; list custom audiences here). A listed audience is only accepted for a job whose URL lies under
    /// <see cref="AllowedUrls"/>, so this list needs <see cref="AllowedUrls"/> (checked at startup): otherwise any job could
    /// have a token for a listed audience sent to a URL of its choosing. A job whose <c>audience</c> is neither its URL's
    /// origin nor listed is refused at creation, and an ID token only travels over https (or to a loopback address).
    /// </summary>
    /// <value>Default empty: only the job URL's own origin.</value>
    public List<string> AllowedAudiences { get; set; } = [];
}
