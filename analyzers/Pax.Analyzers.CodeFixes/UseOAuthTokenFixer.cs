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
public sealed class UseOAuthTokenFixer : CodeFixProvider
{
    private static readonly TokenReplacementFixer Fixer = new(
        "Use an OAuth token (scope cloud-platform) for this Google API",
        nameof(UseOAuthTokenFixer),
        droppedMember: "Audience",
        setMember: "Scope",
        _ => DiagnosticPropertyNames.CloudPlatformScope);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OidcTokenToGoogleApi);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Fixer.RegisterCodeFixesAsync(context);
}
