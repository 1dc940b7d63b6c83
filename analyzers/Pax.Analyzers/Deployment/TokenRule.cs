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
}
