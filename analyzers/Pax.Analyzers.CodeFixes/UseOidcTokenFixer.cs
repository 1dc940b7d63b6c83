using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Pax.Analyzers.CodeFixes;

/// <summary>
/// Fix for PAX003: replaces the OAuth token with an OIDC token for the same service account whose audience is the
/// service URL (when the URL's host is known at build time; otherwise the audience defaults to the target URL).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseOidcTokenFixer))]
[Shared]
public sealed class UseOidcTokenFixer : CodeFixProvider
{
    private static readonly TokenReplacementFixer Fixer = new(
        "Use an OIDC token with the service URL as audience",
        nameof(UseOidcTokenFixer),
        droppedMember: "Scope",
        setMember: "Audience",
        diagnostic => diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Audience, out var audience) ? audience : null);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OAuthTokenToCloudRun);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Fixer.RegisterCodeFixesAsync(context);
}
