using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// The property assignments made to one object: the members of its object initializer and, when it is held in a
/// local, parameter or field, the simple assignments to that holder in the same code block
/// (<c>var t = new HttpTarget { … }; t.OidcToken = …;</c>).
/// </summary>
internal sealed class InstanceAssignments
{
    private readonly List<IOperation> _assignments;

    private InstanceAssignments(List<IOperation> assignments) => _assignments = assignments;

    /// <summary>The assignments made to the object that <paramref name="assignment"/> assigns a property of.</summary>
    public static InstanceAssignments Of(ISimpleAssignmentOperation assignment)
    {
        var found = new List<IOperation>();
        ISymbol? holder = null;
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            found.AddRange(initializer.Initializers);
            holder = initializer.Parent is IObjectCreationOperation creation ? HolderOf(creation) : null;
        }
        else if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance })
        {
            holder = ReferencedSymbol(instance);
        }

        if (holder is not null)
        {
            AddAssignmentsTo(holder, Root(assignment), found);
        }

        return new InstanceAssignments(found);
    }

    /// <summary>The value last assigned to <paramref name="property"/> that is not the null constant, or <see langword="null"/>.</summary>
    public IOperation? ValueOf(string? property)
    {
        IOperation? value = null;
        if (property is null)
        {
            return null;
        }

        foreach (var operation in _assignments)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && target.Property.Name == property
                && !OperationText.IsNull(assignment.Value))
            {
                value = assignment.Value;
            }
        }

        return value;
    }

    /// <summary>The collection initializer of <paramref name="property"/> (<c>Members = { "a", "b" }</c>), or <see langword="null"/>.</summary>
    public IObjectOrCollectionInitializerOperation? CollectionOf(string property) =>
        _assignments
            .OfType<IMemberInitializerOperation>()
            .Where(member => member.InitializedMember is IPropertyReferenceOperation target && target.Property.Name == property)
            .Select(member => member.Initializer)
            .FirstOrDefault();

    private static ISymbol? HolderOf(IObjectCreationOperation creation) => creation.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        ISimpleAssignmentOperation assignment => ReferencedSymbol(assignment.Target),
        IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } } => declarator.Symbol,
        _ => null,
    };

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static void AddAssignmentsTo(ISymbol holder, IOperation root, List<IOperation> found)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } } assignment
                    when SymbolEqualityComparer.Default.Equals(ReferencedSymbol(instance), holder) && !found.Contains(assignment):
                    found.Add(assignment);
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, holder)
                        && OperationText.Unwrap(value) is IObjectCreationOperation { Initializer: { } initializer }:
                    foreach (var member in initializer.Initializers)
                    {
                        if (!found.Contains(member))
                        {
                            found.Add(member);
                        }
                    }

                    break;
            }
        }
    }
}
