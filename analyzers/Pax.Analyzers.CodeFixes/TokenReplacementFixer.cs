using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Pax.Analyzers.CodeFixes;

/// <summary>
/// The shared engine of the token fixers: replaces the token assignment a diagnostic points at with the other kind
/// of token for the same service account (see <see cref="TokenAssignmentRewriter"/>).
/// </summary>
public abstract class TokenReplacementFixer : CodeFixProvider
{
    /// <summary>Gets the code action's title.</summary>
    protected abstract string Title { get; }

    /// <summary>Gets the token property whose value is dropped (<c>Audience</c> for OIDC, <c>Scope</c> for OAuth).</summary>
    protected abstract string DroppedMember { get; }

    /// <summary>Gets the token property the new token sets (<c>Scope</c> for OAuth, <c>Audience</c> for OIDC).</summary>
    protected abstract string SetMember { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
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

            var value = GetSetMemberValue(diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => TokenAssignmentRewriter.RewriteAsync(context.Document, assignment, property, DroppedMember, SetMember, value, cancellationToken),
                    equivalenceKey: GetType().Name),
                diagnostic);
        }
    }

    /// <summary>Returns the value for <see cref="SetMember"/>, or <see langword="null"/> to leave it at its default.</summary>
    /// <param name="diagnostic">The diagnostic being fixed.</param>
    /// <returns>The value.</returns>
    protected abstract string? GetSetMemberValue(Diagnostic diagnostic);
}
