using Microsoft.CodeAnalysis;

namespace Pax.Analyzers.Deployment;

/// <summary>Which token a target needs: the decision behind PAX001 and PAX003, in one place.</summary>
internal static class TokenRule
{
    /// <summary>The rule an OIDC token to a target of <paramref name="kind"/> breaks, or <see langword="null"/>.</summary>
    public static DiagnosticDescriptor? ForOidc(TargetKind kind) =>
        kind == TargetKind.GoogleApi ? RuleDescriptors.OidcTokenToGoogleApi : null;

    /// <summary>The rule an OAuth token to a target of <paramref name="kind"/> breaks, or <see langword="null"/>.</summary>
    public static DiagnosticDescriptor? ForOAuth(TargetKind kind) =>
        kind == TargetKind.CloudRun ? RuleDescriptors.OAuthTokenToCloudRun : null;

    /// <summary>The role that lets a caller invoke a Cloud Run service or function.</summary>
    public const string InvokerRole = "roles/run.invoker";

    /// <summary>
    /// Whether a granted role (may hold <see cref="UnknownText.Marker"/>) can be <c>roles/run.invoker</c>; roles not known
    /// at build time count, so the rule reports only what is certainly missing.
    /// </summary>
    public static bool MayBeInvokerRole(string? role) =>
        role is null || !UnknownText.IsKnown(role) || string.Equals(role.Trim(), InvokerRole, StringComparison.Ordinal);
}
