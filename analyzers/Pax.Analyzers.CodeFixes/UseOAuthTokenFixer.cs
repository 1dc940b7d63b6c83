using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Pax.Analyzers.CodeFixes;

/// <summary>
/// Fix for PAX001: replaces the OIDC token with an OAuth token for the same service account and scope
/// <c>https://www.googleapis.com/auth/cloud-platform</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseOAuthTokenFixer))]
[Shared]
public sealed class UseOAuthTokenFixer : TokenReplacementFixer
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OidcTokenToGoogleApi);

    /// <inheritdoc />
    protected override string Title => "Use an OAuth token (scope cloud-platform) for this Google API";

    /// <inheritdoc />
    protected override string DroppedMember => "Audience";

    /// <inheritdoc />
    protected override string SetMember => "Scope";

    /// <inheritdoc />
    protected override string? GetSetMemberValue(Diagnostic diagnostic) => DiagnosticPropertyNames.CloudPlatformScope;
}
