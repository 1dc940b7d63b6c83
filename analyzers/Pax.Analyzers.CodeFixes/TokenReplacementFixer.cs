using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Pax.Analyzers.CodeFixes;

/// <summary>
/// The shared engine of the token fixers (<see cref="UseOAuthTokenFixer"/>, <see cref="UseOidcTokenFixer"/>): replaces
/// the token assignment a diagnostic points at with the other kind of token for the same service account (see
/// <see cref="TokenAssignmentRewriter"/>). Implementation, not API: the fixers hold one and delegate to it.
/// </summary>
internal sealed class TokenReplacementFixer
{
    private readonly string _title;
    private readonly string _equivalenceKey;
    private readonly string _droppedMember;
    private readonly string _setMember;
    private readonly Func<Diagnostic, string?> _setMemberValue;

    /// <summary>Creates the engine of one fixer.</summary>
    /// <param name="title">The code action's title.</param>
    /// <param name="equivalenceKey">The code action's equivalence key (the fixer's name).</param>
    /// <param name="droppedMember">The token property whose value is dropped (<c>Audience</c> for OIDC, <c>Scope</c> for OAuth).</param>
    /// <param name="setMember">The token property the new token sets (<c>Scope</c> for OAuth, <c>Audience</c> for OIDC).</param>
    /// <param name="setMemberValue">The value for <paramref name="setMember"/>, or <see langword="null"/> to leave it at its default.</param>
    public TokenReplacementFixer(string title, string equivalenceKey, string droppedMember, string setMember, Func<Diagnostic, string?> setMemberValue)
    {
        _title = title;
        _equivalenceKey = equivalenceKey;
        _droppedMember = droppedMember;
        _setMember = setMember;
        _setMemberValue = setMemberValue;
    }

    /// <summary>Registers the fix for each diagnostic of <paramref name="context"/> whose token assignment can be rewritten.</summary>
    public async Task RegisterCodeFixesAsync(CodeFixContext context)
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

            var value = _setMemberValue(diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    _title,
                    cancellationToken => TokenAssignmentRewriter.RewriteAsync(context.Document, assignment, property, _droppedMember, _setMember, value, cancellationToken),
                    equivalenceKey: _equivalenceKey),
                diagnostic);
        }
    }
}
