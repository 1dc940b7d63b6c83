using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Pax.Analyzers.CodeFixes;

/// <summary>
/// Rewrites <c>OidcToken = new OidcToken { ServiceAccountEmail = sa, … }</c> into the other token kind for the same
/// service account (and back), keeping the account expression and the layout of the initializer.
/// </summary>
internal static class TokenAssignmentRewriter
{
    private const string ServiceAccountEmail = "ServiceAccountEmail";

    /// <summary>The assignment a diagnostic points at, when it can be rewritten mechanically; else <see langword="null"/>.</summary>
    public static AssignmentExpressionSyntax? FindRewritable(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
        return assignment is not null && InitializerOf(assignment.Right) is { } initializer && Find(initializer, ServiceAccountEmail) is not null
            ? assignment
            : null;
    }

    /// <summary>
    /// The document with <paramref name="assignment"/> assigning <paramref name="replacementProperty"/> instead; the
    /// initializer keeps <c>ServiceAccountEmail</c>, drops <paramref name="removedMember"/> and sets
    /// <paramref name="addedMember"/> to <paramref name="addedValue"/> when that is not <see langword="null"/>.
    /// </summary>
    public static async Task<Document> RewriteAsync(
        Document document,
        AssignmentExpressionSyntax assignment,
        string replacementProperty,
        string removedMember,
        string addedMember,
        string? addedValue,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || InitializerOf(assignment.Right) is not { } initializer)
        {
            return document;
        }

        var right = assignment.Right;
        if (right is ObjectCreationExpressionSyntax creation)
        {
            if (ReplacementType(model, assignment, replacementProperty, cancellationToken) is not { } type)
            {
                return document;
            }

            var typeSyntax = (TypeSyntax)SyntaxGenerator.GetGenerator(document).TypeExpression(type)
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTriviaFrom(creation.Type);
            right = creation.WithType(typeSyntax).WithInitializer(Reshape(initializer, removedMember, addedMember, addedValue));
        }
        else if (right is ImplicitObjectCreationExpressionSyntax implicitCreation)
        {
            right = implicitCreation.WithInitializer(Reshape(initializer, removedMember, addedMember, addedValue));
        }

        var left = Rename(assignment.Left, replacementProperty);
        return document.WithSyntaxRoot(root.ReplaceNode(assignment, assignment.WithLeft(left).WithRight(right)));
    }

    private static InitializerExpressionSyntax? InitializerOf(ExpressionSyntax expression) => expression switch
    {
        ObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer,
        ImplicitObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer,
        _ => null,
    };

    private static AssignmentExpressionSyntax? Find(InitializerExpressionSyntax initializer, string member) =>
        initializer.Expressions
            .OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(assignment => assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member);

    private static ITypeSymbol? ReplacementType(SemanticModel model, AssignmentExpressionSyntax assignment, string property, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol current)
        {
            return null;
        }

        var replacement = current.ContainingType.GetMembers(property).OfType<IPropertySymbol>().FirstOrDefault();
        if (replacement?.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        // Pulumi wraps arguments in Input<T>.
        return type is { Name: "Input", TypeArguments.Length: 1, ContainingNamespace.Name: "Pulumi" } ? type.TypeArguments[0] : type;
    }

    private static ExpressionSyntax Rename(ExpressionSyntax left, string property) => left switch
    {
        IdentifierNameSyntax name => name.WithIdentifier(SyntaxFactory.Identifier(property).WithTriviaFrom(name.Identifier)),
        MemberAccessExpressionSyntax access => access.WithName(
            SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(property).WithTriviaFrom(access.Name.Identifier))),
        _ => left,
    };

    private static InitializerExpressionSyntax Reshape(InitializerExpressionSyntax initializer, string removedMember, string addedMember, string? addedValue)
    {
        var added = addedValue is null
            ? null
            : SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(addedMember),
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(addedValue)));
        var expressions = initializer.Expressions;
        var replaced = Find(initializer, removedMember) ?? Find(initializer, addedMember);
        if (replaced is not null)
        {
            if (added is not null)
            {
                return initializer.WithExpressions(expressions.Replace(replaced, added.WithTriviaFrom(replaced)));
            }

            var isLast = expressions.IndexOf(replaced) == expressions.Count - 1;
            expressions = expressions.Remove(replaced);
            if (isLast && expressions.Count > 0)
            {
                var newLast = expressions[expressions.Count - 1];
                expressions = expressions.Replace(newLast, newLast.WithTrailingTrivia(replaced.GetTrailingTrivia()));
            }

            return initializer.WithExpressions(expressions);
        }

        if (added is null)
        {
            return initializer;
        }

        var first = expressions[0];
        var multiline = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var separatorTrivia = expressions.SeparatorCount > 0
            ? expressions.GetSeparator(0).TrailingTrivia
            : SyntaxFactory.TriviaList(multiline ? SyntaxFactory.EndOfLine("\n") : SyntaxFactory.Space);
        var last = expressions[expressions.Count - 1];
        var nodes = expressions.Select(expression => expression == last ? expression.WithoutTrailingTrivia() : expression).ToList();
        nodes.Add(added.WithLeadingTrivia(multiline ? first.GetLeadingTrivia() : default).WithTrailingTrivia(last.GetTrailingTrivia()));
        var separators = Enumerable.Range(0, nodes.Count - 1)
            .Select(i => i < expressions.SeparatorCount ? expressions.GetSeparator(i) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia));
        return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
    }
}
