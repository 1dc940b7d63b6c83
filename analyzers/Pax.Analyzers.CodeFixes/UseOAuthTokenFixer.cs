using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    private const string Title = "Use an OAuth token (scope cloud-platform) for this Google API";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OidcTokenToGoogleApi);

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

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => TokenAssignmentRewriter.RewriteAsync(
                        context.Document, assignment, property, "Audience", "Scope", DiagnosticPropertyNames.CloudPlatformScope, cancellationToken),
                    equivalenceKey: nameof(UseOAuthTokenFixer)),
                diagnostic);
        }
    }
}
