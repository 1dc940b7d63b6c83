using Microsoft.CodeAnalysis;

namespace Pax.Analyzers;

/// <summary>The descriptors of PAX001-PAX004 (PAX001 and PAX003 twice: as reported per file and at compilation end), shared by the C#, gcloud-script and Terraform analyzers.</summary>
internal static class RuleDescriptors
{
    private const string Category = "Reliability";

    private const string OidcTokenToGoogleApiTitle = "Use an OAuth access token for Google APIs";
    private const string OidcTokenToGoogleApiMessage = "'{0}' is a Google API (*.googleapis.com) and rejects OIDC ID tokens with 401: send an OAuth access token with scope https://www.googleapis.com/auth/cloud-platform from the same service account";
    private const string OidcTokenToGoogleApiDescription = "Google APIs on *.googleapis.com, such as the Cloud Run Admin API that runs a job (jobs/NAME:run), only accept OAuth access tokens. A Cloud Scheduler job or push subscription configured with an OIDC token gets 401 on every call.";
    private const string OAuthTokenToCloudRunTitle = "Use an OIDC ID token for Cloud Run and Cloud Functions URLs";
    private const string OAuthTokenToCloudRunMessage = "'{0}' is a Cloud Run or Cloud Functions URL and rejects OAuth access tokens: send an OIDC ID token whose audience is the service URL";
    private const string OAuthTokenToCloudRunDescription = "Cloud Run services and Cloud Functions check an OIDC ID token whose audience is the service URL. An OAuth access token is rejected with 401 or 403.";

    /// <summary>PAX001: OIDC token on a target whose host is <c>*.googleapis.com</c>.</summary>
    public static readonly DiagnosticDescriptor OidcTokenToGoogleApi = new(
        RuleIds.OidcTokenToGoogleApi,
        OidcTokenToGoogleApiTitle,
        OidcTokenToGoogleApiMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: OidcTokenToGoogleApiDescription,
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OidcTokenToGoogleApi));

    /// <summary>
    /// <see cref="OidcTokenToGoogleApi"/> as reported at compilation end (in a Cloud Build config a script writes, known
    /// only once every file of the project is read): the same rule, tagged so an IDE keeps it from the last full analysis.
    /// </summary>
    public static readonly DiagnosticDescriptor OidcTokenToGoogleApiAtEnd = new(
        RuleIds.OidcTokenToGoogleApi,
        OidcTokenToGoogleApiTitle,
        OidcTokenToGoogleApiMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: OidcTokenToGoogleApiDescription,
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OidcTokenToGoogleApi),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>PAX002: a private Cloud Run or Cloud Functions target whose caller is granted no role that lets it invoke.</summary>
    public static readonly DiagnosticDescriptor MissingInvokerGrant = new(
        RuleIds.MissingInvokerGrant,
        title: "Grant the caller of a Cloud Run service, job or function a role that lets it invoke",
        messageFormat: "{0} calls '{1}' as {2}, but this deployment unit grants that account no role holding {4} (such as {3}) on the target or the project: the requests are rejected before they reach the code, which logs nothing",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Pub/Sub push subscription, an Eventarc trigger or a Cloud Scheduler HTTP job that calls a private Cloud Run service, job or Cloud Functions function needs a role holding the invoke permission (run.routes.invoke for services and 2nd gen functions, run.jobs.run for jobs, cloudfunctions.functions.invoke for 1st gen functions) for the account whose token it sends, on the target or the project. Grant it in the same C# project, in the project's scripts, CI files or Terraform (for a script's or CI file's invocation), or in the Terraform module.",
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.MissingInvokerGrant),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>PAX003: OAuth access token sent to <c>*.run.app</c> or <c>*.cloudfunctions.net</c>.</summary>
    public static readonly DiagnosticDescriptor OAuthTokenToCloudRun = new(
        RuleIds.OAuthTokenToCloudRun,
        OAuthTokenToCloudRunTitle,
        OAuthTokenToCloudRunMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: OAuthTokenToCloudRunDescription,
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OAuthTokenToCloudRun));

    /// <summary><see cref="OAuthTokenToCloudRun"/> as reported at compilation end (see <see cref="OidcTokenToGoogleApiAtEnd"/>).</summary>
    public static readonly DiagnosticDescriptor OAuthTokenToCloudRunAtEnd = new(
        RuleIds.OAuthTokenToCloudRun,
        OAuthTokenToCloudRunTitle,
        OAuthTokenToCloudRunMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: OAuthTokenToCloudRunDescription,
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OAuthTokenToCloudRun),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>PAX004: a Scheduler HTTP target or push subscription that sends no token where one is required.</summary>
    public static readonly DiagnosticDescriptor MissingToken = new(
        RuleIds.MissingToken,
        title: "Send a token where the target requires one",
        messageFormat: "'{0}' is called without a token, but {1}: every call is rejected before it reaches the code",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Cloud Scheduler HTTP target or a Pub/Sub push subscription that sends no token to a Google API (*.googleapis.com) gets 401 on every call; one that calls a Cloud Run service the same deployment unit deploys without public access is rejected at ingress. Send an OAuth access token to Google APIs and an OIDC ID token to Cloud Run.",
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.MissingToken),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// The descriptor of <paramref name="rule"/> for a diagnostic reported at compilation end: tagged
    /// <see cref="WellKnownDiagnosticTags.CompilationEnd"/> (PAX002 and PAX004 always are).
    /// </summary>
    public static DiagnosticDescriptor AtCompilationEnd(DiagnosticDescriptor rule) =>
        rule == OidcTokenToGoogleApi ? OidcTokenToGoogleApiAtEnd
        : rule == OAuthTokenToCloudRun ? OAuthTokenToCloudRunAtEnd
        : rule;

    /// <summary>The second argument of <see cref="MissingToken"/> for a Google API.</summary>
    public const string GoogleApiNeedsOAuth = "it is a Google API (*.googleapis.com) that needs an OAuth access token (scope https://www.googleapis.com/auth/cloud-platform)";

    /// <summary>The second argument of <see cref="MissingToken"/> for a private service of the unit.</summary>
    public const string PrivateServiceNeedsOidc = "this deployment unit deploys it without public access, so it needs an OIDC ID token from an account allowed to invoke it";
}
