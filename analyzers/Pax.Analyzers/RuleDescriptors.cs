using Microsoft.CodeAnalysis;

namespace Pax.Analyzers;

/// <summary>The descriptors of PAX001-PAX004, shared by the C#, gcloud-script and Terraform analyzers.</summary>
internal static class RuleDescriptors
{
    private const string Category = "Reliability";

    /// <summary>PAX001: OIDC token on a target whose host is <c>*.googleapis.com</c>.</summary>
    public static readonly DiagnosticDescriptor OidcTokenToGoogleApi = new(
        RuleIds.OidcTokenToGoogleApi,
        title: "Use an OAuth access token for Google APIs",
        messageFormat: "'{0}' is a Google API (*.googleapis.com) and rejects OIDC ID tokens with 401: send an OAuth access token with scope https://www.googleapis.com/auth/cloud-platform from the same service account",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Google APIs on *.googleapis.com, such as the Cloud Run Admin API that runs a job (jobs/NAME:run), only accept OAuth access tokens. A Cloud Scheduler job or push subscription configured with an OIDC token gets 401 on every call.",
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OidcTokenToGoogleApi));

    /// <summary>PAX002: a private Cloud Run or Cloud Functions target whose caller is granted no role that lets it invoke.</summary>
    public static readonly DiagnosticDescriptor MissingInvokerGrant = new(
        RuleIds.MissingInvokerGrant,
        title: "Grant the caller of a Cloud Run service, job or function a role that lets it invoke",
        messageFormat: "{0} calls '{1}' as {2}, but this deployment unit grants that account no role holding {4} (such as {3}) on the target or the project: the requests are rejected before they reach the code, which logs nothing",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Pub/Sub push subscription, an Eventarc trigger or a Cloud Scheduler HTTP job that calls a private Cloud Run service, job or Cloud Functions function needs a role holding the invoke permission (run.routes.invoke for services and 2nd gen functions, run.jobs.run for jobs, cloudfunctions.functions.invoke for 1st gen functions) for the account whose token it sends, on the target or the project. Grant it in the same C# project, in the project's scripts and CI files, or in the Terraform module.",
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
        description: "Cloud Run services and Cloud Functions check an OIDC ID token whose audience is the service URL. An OAuth access token is rejected with 401 or 403.",
        helpLinkUri: RuleIds.GetHelpUri(RuleIds.OAuthTokenToCloudRun));

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

    /// <summary>The second argument of <see cref="MissingToken"/> for a Google API.</summary>
    public const string GoogleApiNeedsOAuth = "it is a Google API (*.googleapis.com) that needs an OAuth access token (scope https://www.googleapis.com/auth/cloud-platform)";

    /// <summary>The second argument of <see cref="MissingToken"/> for a private service of the unit.</summary>
    public const string PrivateServiceNeedsOidc = "this deployment unit deploys it without public access, so it needs an OIDC ID token from an account allowed to invoke it";
}
