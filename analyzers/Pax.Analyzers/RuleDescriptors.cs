using Microsoft.CodeAnalysis;

namespace Pax.Analyzers;

/// <summary>The descriptors of PAX001-PAX004, shared by the C#, gcloud-script and Terraform analyzers.</summary>
internal static class RuleDescriptors
{
    private const string Category = "Reliability";

    /// <summary>The sentence that starts a description's fix (the rule page's "How to fix" opens with the same text).</summary>
    public const string FixLead = "Fix: ";

    /// <summary>PAX001: OIDC token on a target whose host is <c>*.googleapis.com</c>.</summary>
    public static readonly DiagnosticDescriptor OidcTokenToGoogleApi = new(
        RuleIds.OidcTokenToGoogleApi,
        title: "Use an OAuth access token for Google APIs",
        messageFormat: "'{0}' is a Google API (*.googleapis.com) and rejects OIDC ID tokens with 401: send an OAuth access token with scope https://www.googleapis.com/auth/cloud-platform from the same service account",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description(
            "Google APIs on *.googleapis.com, such as the Cloud Run Admin API that runs a job (jobs/NAME:run), accept OAuth access tokens only: a Cloud Scheduler job or push subscription that sends an OIDC ID token gets 401 UNAUTHENTICATED on every call, and no IAM change fixes it.",
            "send an OAuth access token for the same service account with scope https://www.googleapis.com/auth/cloud-platform (gcloud: --oauth-service-account-email and --oauth-token-scope instead of --oidc-service-account-email; C#: OAuthToken instead of OidcToken; Terraform: an oauth_token block); a push subscription cannot send one, so point it at a service instead.",
            RuleIds.OidcTokenToGoogleApi),
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OidcTokenToGoogleApi));

    /// <summary>PAX002: a private Cloud Run or Cloud Functions target whose caller is granted no role that lets it invoke.</summary>
    public static readonly DiagnosticDescriptor MissingInvokerGrant = new(
        RuleIds.MissingInvokerGrant,
        title: "Grant the caller of a Cloud Run service, job or function a role that lets it invoke",
        messageFormat: "{0} calls '{1}' as {2}, but this deployment unit grants that account no role holding {4} (such as {3}) on the target or the project: the requests are rejected before they reach the code, which logs nothing",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description(
            "A Pub/Sub push subscription, an Eventarc trigger or a Cloud Scheduler HTTP job that calls a private Cloud Run service, job or Cloud Functions function is rejected before the target's code runs (403, nothing in its logs) unless the account whose token it sends holds the invoke permission: run.routes.invoke for services and 2nd gen functions, run.jobs.run for jobs (and run.jobs.runWithOverrides for a run with overrides), cloudfunctions.functions.invoke for 1st gen functions.",
            "grant that account roles/run.invoker on the target (roles/run.jobsExecutorWithOverrides on a job run with overrides, roles/cloudfunctions.invoker on a 1st gen function) in the same C# project, scripts and CI files, or Terraform module that configures the call; do not make the target public to silence the rule.",
            RuleIds.MissingInvokerGrant),
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.MissingInvokerGrant),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>PAX003: OAuth access token sent to <c>*.run.app</c> or <c>*.cloudfunctions.net</c>.</summary>
    public static readonly DiagnosticDescriptor OAuthTokenToCloudRun = new(
        RuleIds.OAuthTokenToCloudRun,
        title: "Use an OIDC ID token for Cloud Run and Cloud Functions URLs",
        messageFormat: "'{0}' is a Cloud Run or Cloud Functions URL and rejects OAuth access tokens: send an OIDC ID token whose audience is the service URL",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description(
            "Cloud Run services and Cloud Functions accept an OIDC ID token whose audience is the service URL; an OAuth access token is not one, so every request is rejected with 401 or 403 before it reaches the code.",
            "send an OIDC ID token for the same service account with the service URL (or one of its custom audiences) as audience (gcloud: --oidc-service-account-email and --oidc-token-audience; C#: OidcToken; Terraform: an oidc_token block), and grant that account roles/run.invoker on the service.",
            RuleIds.OAuthTokenToCloudRun),
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OAuthTokenToCloudRun));

    /// <summary>PAX004: a Scheduler HTTP target or push subscription that sends no token where one is required.</summary>
    public static readonly DiagnosticDescriptor MissingToken = new(
        RuleIds.MissingToken,
        title: "Send a token where the target requires one",
        messageFormat: "'{0}' is called without a token, but {1}: every call is rejected before it reaches the code",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description(
            "A Cloud Scheduler HTTP target or a Pub/Sub push subscription that sends no token gets 401 from a Google API (*.googleapis.com) on every call, and a Cloud Run service that the same deployment unit deploys without public access rejects it before the code runs, so nothing happens and the target logs nothing.",
            "send an OAuth access token (scope https://www.googleapis.com/auth/cloud-platform) to a Google API and an OIDC ID token whose audience is the service URL to Cloud Run, from an account allowed to call the target; do not make the service public to make the call work.",
            RuleIds.MissingToken),
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.MissingToken),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>The second argument of <see cref="MissingToken"/> for a Google API.</summary>
    public const string GoogleApiNeedsOAuth = "it is a Google API (*.googleapis.com) that needs an OAuth access token (scope https://www.googleapis.com/auth/cloud-platform)";

    /// <summary>The second argument of <see cref="MissingToken"/> for a private service of the unit.</summary>
    public const string PrivateServiceNeedsOidc = "this deployment unit deploys it without public access, so it needs an OIDC ID token from an account allowed to invoke it";

    /// <summary>
    /// A rule's description: why it matters, the fix, and where its page is — what the IDE's tooltip and a SARIF log
    /// show without following the help link (which exists only when the build named a repository address).
    /// </summary>
    private static string Description(string why, string fix, string id) =>
        why + " " + FixLead + fix + " Details and examples: docs/rules/" + id + ".md, shipped inside the Pax packages that carry this analyzer.";
}
