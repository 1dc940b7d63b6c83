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
public sealed class UseOidcTokenFixer : TokenReplacementFixer
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OAuthTokenToCloudRun);

    /// <inheritdoc />
    protected override string Title => "Use an OIDC token with the service URL as audience";

    /// <inheritdoc />
    protected override string DroppedMember => "Scope";

    /// <inheritdoc />
    protected override string SetMember => "Audience";

    /// <inheritdoc />
    protected override string? GetSetMemberValue(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Audience, out var audience) ? audience : null;
}
