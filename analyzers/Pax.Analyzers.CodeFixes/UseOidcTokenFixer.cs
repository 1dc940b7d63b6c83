using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    private const string Title = "Use an OIDC token with the service URL as audience";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OAuthTokenToCloudRun);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ReplacementProperty, out var property)
                || property is null
                || TokenAssignmentRewriter.FindRewritable(root, diagnostic) is not { } assignment)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Audience, out var audience);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => TokenAssignmentRewriter.RewriteAsync(
                        context.Document, assignment, property, "Scope", "Audience", audience, cancellationToken),
                    equivalenceKey: nameof(UseOidcTokenFixer)),
                diagnostic);
        }
    }
}
