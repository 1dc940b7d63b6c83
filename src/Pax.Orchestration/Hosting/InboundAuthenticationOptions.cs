using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting;

/// <summary>
/// Who may call a group of Pax's endpoints and how the caller's Google ID token is checked: one shape for each thing
/// Pax guards, bound at <c>Pax:Orchestration:Authentication</c> (push intake, tally and watchdog),
/// <c>Pax:Scheduling:Authentication</c> (tick and job API) and <c>Pax:Dashboard:Authentication</c> (pages, JSON and
/// actions), and checked by <see cref="InboundAuthenticator"/>.
/// </summary>
public sealed class InboundAuthenticationOptions
{
    /// <summary>Gets or sets how the caller's ID token is checked.</summary>
    /// <value>Default <see cref="InboundAuthenticationMode.CloudRunIam"/>; <see cref="InboundAuthenticationMode.None"/> must be set explicitly.</value>
    public InboundAuthenticationMode Mode { get; set; } = InboundAuthenticationMode.CloudRunIam;

    /// <summary>
    /// Gets or sets the audience the token must carry: the push subscription's or Scheduler job's <c>oidcToken.audience</c>
    /// (by default the URL it calls), or the service URL a person's token is issued for.
    /// </summary>
    /// <value>
    /// Default <see langword="null"/>: required for <see cref="InboundAuthenticationMode.VerifySignature"/>; with
    /// <see cref="InboundAuthenticationMode.CloudRunIam"/> checked when set (Cloud Run checked it; a person's token from
    /// <c>gcloud</c> carries gcloud's OAuth client id, not the service URL).
    /// </value>
    public string? Audience { get; set; }

    /// <summary>
    /// Gets or sets who may call, by the verified email in their ID token: a bare email (<c>alice@example.com</c>) or an
    /// IAM member (<c>user:alice@example.com</c>, <c>serviceAccount:push@p.iam.gserviceaccount.com</c>), compared
    /// case-insensitively — the push subscription's or Scheduler job's service account, or the people who use the dashboard.
    /// </summary>
    /// <value>Default empty: at least one is required unless <see cref="Mode"/> is <see cref="InboundAuthenticationMode.None"/>.</value>
    public List<string> AllowedPrincipals { get; set; } = [];

    /// <summary>
    /// Checks these options as Pax's startup validation does and returns one message per problem, each naming its key:
    /// an unknown mode, <see cref="InboundAuthenticationMode.CloudRunIam"/> off Cloud Run (nothing checked the signature
    /// there), <see cref="InboundAuthenticationMode.VerifySignature"/> without <see cref="Audience"/>, no
    /// <see cref="AllowedPrincipals"/>, and an entry that is neither an email nor a <c>user:</c>/<c>serviceAccount:</c>
    /// member. Whether <see cref="InboundAuthenticationMode.None"/> is acceptable on Cloud Run is the caller's rule.
    /// </summary>
    /// <param name="key">The options' configuration key, such as <c>Pax:Scheduling:Authentication</c>.</param>
    /// <param name="callers">Who calls, for the message about an empty <see cref="AllowedPrincipals"/>, such as <c>the Cloud Scheduler job's service account</c>.</param>
    /// <param name="onCloudRun">Whether this process is a Cloud Run service (<c>K_SERVICE</c> is set).</param>
    /// <returns>The problems; empty when there is none.</returns>
    public IReadOnlyList<string> Validate(string key, string callers, bool onCloudRun)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var failures = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            failures.Add($"{key}:Mode must be CloudRunIam, VerifySignature or None (was {Mode}).");
            return failures;
        }

        if (Mode == InboundAuthenticationMode.CloudRunIam && !onCloudRun)
        {
            failures.Add(CloudRunEnvironment.CloudRunIamOffCloudRun($"{key}:Mode"));
        }

        if (Mode == InboundAuthenticationMode.VerifySignature && string.IsNullOrWhiteSpace(Audience))
        {
            failures.Add($"{key}:Audience is required for VerifySignature (the audience the callers' tokens are issued for, usually the URL they call).");
        }

        if (Mode != InboundAuthenticationMode.None && AllowedPrincipals.Count == 0)
        {
            failures.Add($"{key}:AllowedPrincipals is empty: with Mode {Mode} nobody could call; list {callers} (or set {key}:Mode to None for local runs).");
        }

        failures.AddRange(InboundPrincipals.Validate(AllowedPrincipals, $"{key}:AllowedPrincipals"));
        return failures;
    }
}
