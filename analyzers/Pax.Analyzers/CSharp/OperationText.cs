using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// The text a C# expression is known to have at build time: constants, interpolated strings and concatenations
/// (constant parts kept, the rest <see cref="UnknownText.Marker"/>), locals initialised with such expressions,
/// Pulumi <c>Output.Format</c> and Pulumi Cloud Run URL outputs.
/// </summary>
internal static class OperationText
{
    private const int MaxDepth = 8;

    /// <summary>The operation under implicit and explicit conversions.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Whether <paramref name="operation"/> is the constant <see langword="null"/>.</summary>
    public static bool IsNull(IOperation operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>The operation a local was initialised with, when <paramref name="operation"/> reads a local; else itself.</summary>
    public static IOperation ResolveLocal(IOperation operation)
    {
        var unwrapped = Unwrap(operation);
        if (unwrapped is not ILocalReferenceOperation local || unwrapped.SemanticModel is not { } model)
        {
            return unwrapped;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                && value.SyntaxTree == model.SyntaxTree
                && model.GetOperation(value) is { } initializer)
            {
                return Unwrap(initializer);
            }
        }

        return unwrapped;
    }

    /// <summary>The text of <paramref name="operation"/>; <see langword="null"/> only for the constant null.</summary>
    public static string? Evaluate(IOperation operation, CSharpDeploymentTypes types, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return UnknownText.Value;
        }

        var value = Unwrap(operation);
        var constant = value.ConstantValue;
        if (constant.HasValue)
        {
            return constant.Value switch
            {
                null => null,
                string text => text,
                bool flag => flag ? "true" : "false",
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                var text = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    text.Append(part switch
                    {
                        IInterpolatedStringTextOperation literal => Evaluate(literal.Text, types, depth + 1),
                        IInterpolationOperation hole => Evaluate(hole.Expression, types, depth + 1),
                        _ => UnknownText.Value,
                    });
                }

                return text.ToString();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return Evaluate(concatenation.LeftOperand, types, depth + 1) + Evaluate(concatenation.RightOperand, types, depth + 1);
            case ILocalReferenceOperation:
                var initializer = ResolveLocal(value);
                return initializer == value ? UnknownText.Value : Evaluate(initializer, types, depth + 1);
            case IPropertyReferenceOperation property when types.IsCloudRunUrl(property.Property):
                return UnknownText.CloudRunServiceUrl;
            case IInvocationOperation { TargetMethod.Name: "Format", Arguments.Length: 1 } format
                when SymbolEqualityComparer.Default.Equals(format.TargetMethod.ContainingType, types.PulumiOutput):
                return Evaluate(format.Arguments[0].Value, types, depth + 1);
            default:
                return UnknownText.Value;
        }
    }

    /// <summary>The text of each element of a list expression (array, collection initializer); one unknown otherwise.</summary>
    public static IEnumerable<string> EvaluateElements(IOperation operation, CSharpDeploymentTypes types)
    {
        var value = ResolveLocal(operation);
        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } array } => array.ElementValues,
            IObjectCreationOperation { Initializer: { } collection } => ElementsOf(collection),
            IObjectOrCollectionInitializerOperation collection => ElementsOf(collection),
            _ => default,
        };
        if (elements.IsDefaultOrEmpty)
        {
            return [UnknownText.Value];
        }

        return elements.Select(element => Evaluate(element, types) ?? UnknownText.Value);
    }

    private static ImmutableArray<IOperation> ElementsOf(IObjectOrCollectionInitializerOperation collection) =>
        collection.Initializers
            .OfType<IInvocationOperation>()
            .Where(add => add.Arguments.Length > 0)
            .Select(add => add.Arguments[0].Value)
            .ToImmutableArray();
}
