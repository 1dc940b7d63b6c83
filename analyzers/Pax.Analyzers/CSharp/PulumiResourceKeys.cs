using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// Ties Pulumi outputs (<c>service.Name</c>, <c>service.Uri</c>) to the service or function they are read from: the
/// <c>new Service("…", new ServiceArgs { … })</c> that a local or a field of the same file holds. Its key is the name
/// the arguments give it, or, when Pulumi names it (no name, or one not known at build time), a key of its own
/// (<see cref="DeploymentUnit.UnnamedKeyPrefix"/>) that only reads of that same resource share.
/// </summary>
internal sealed class PulumiResourceKeys
{
    private const int MaxLocalDepth = 2;

    private readonly ConcurrentDictionary<(SyntaxTree Tree, int Start), string> _unnamed = new();
    private readonly ConcurrentBag<(string Key, FunctionGeneration? Generation)> _resources = [];
    private int _lastUnnamed;

    /// <summary>Every resource a key was made for, with its function generation (<see langword="null"/> for a service).</summary>
    public IEnumerable<(string Key, FunctionGeneration? Generation)> Resources => _resources;

    /// <summary>
    /// Whether <paramref name="value"/> reads an output of a Pulumi service or function; <paramref name="key"/> is then
    /// the resource's key, or <see langword="null"/> when the resource cannot be found here (a parameter, another file):
    /// "can't tell".
    /// </summary>
    public bool TryRead(IOperation value, CSharpDeploymentTypes types, out string? key)
    {
        key = null;
        if (OperationText.Unwrap(value) is not IPropertyReferenceOperation { Instance: { } instance, Property.ContainingType: { } type }
            || !types.IsDeployedResource(type, out _))
        {
            return false;
        }

        key = CreationOf(instance) is { } creation ? KeyOf(creation, types) : null;
        return true;
    }

    /// <summary>
    /// Whether the URL <paramref name="url"/> is built from the URL output of a Pulumi service or function
    /// (<c>b.Uri</c>, <c>Output.Format($"{b.Uri}/push")</c>, a local holding either); <paramref name="key"/> as in
    /// <see cref="TryRead"/>, and <see langword="null"/> as well when it reads the URLs of several resources.
    /// </summary>
    public bool TryReadUrl(IOperation url, CSharpDeploymentTypes types, out string? key)
    {
        key = null;
        if (!types.HasUrlOutputs)
        {
            return false;
        }

        var found = false;
        foreach (var read in UrlReads(url, types, 0))
        {
            var readKey = read.Instance is { } instance && CreationOf(instance) is { } creation ? KeyOf(creation, types) : null;
            key = !found || readKey == key ? readKey : null;
            found = true;
        }

        return found;
    }

    /// <summary>
    /// The key of the resource created with the arguments <paramref name="arguments"/>
    /// (<c>new Service("x", new ServiceArgs { … })</c>), or <see langword="null"/> when they are not passed to one here.
    /// </summary>
    public string? KeyOfArguments(IObjectCreationOperation arguments, CSharpDeploymentTypes types)
    {
        IOperation current = arguments;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current.Parent is IArgumentOperation { Parent: IObjectCreationOperation creation } ? KeyOf(creation, types) : null;
    }

    private static IEnumerable<IPropertyReferenceOperation> UrlReads(IOperation operation, CSharpDeploymentTypes types, int depth)
    {
        var value = OperationText.ResolveLocal(operation);
        foreach (var descendant in value.DescendantsAndSelf())
        {
            if (descendant is IPropertyReferenceOperation property && types.IsCloudRunUrl(property.Property))
            {
                yield return property;
            }
            else if (descendant is ILocalReferenceOperation && descendant != value && depth < MaxLocalDepth
                && descendant.Parent is not IPropertyReferenceOperation)
            {
                foreach (var inner in UrlReads(descendant, types, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The object creation a local or a field of this file is initialised with, or <see langword="null"/>.</summary>
    private static IObjectCreationOperation? CreationOf(IOperation instance)
    {
        var value = OperationText.Unwrap(instance);
        switch (value)
        {
            case IObjectCreationOperation creation:
                return creation;
            case ILocalReferenceOperation:
                return OperationText.ResolveLocal(value) as IObjectCreationOperation;
            case IFieldReferenceOperation { Field: var field } when value.SemanticModel is { } model:
                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        && initializer.SyntaxTree == model.SyntaxTree
                        && model.GetOperation(initializer) is { } operation)
                    {
                        return OperationText.Unwrap(operation) as IObjectCreationOperation;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The key of a resource creation: the name its arguments give it, else a key of its own.</summary>
    private string? KeyOf(IObjectCreationOperation creation, CSharpDeploymentTypes types)
    {
        if (creation.Type is not INamedTypeSymbol type || !types.IsDeployedResource(type, out var generation))
        {
            return null;
        }

        var name = ArgumentsOf(creation) is { Initializer: { } initializer }
            ? initializer.Initializers
                .OfType<ISimpleAssignmentOperation>()
                .LastOrDefault(member => member.Target is IPropertyReferenceOperation { Property.Name: CSharpDeploymentTypes.DeployedNameProperty })
            : null;
        var key = name is not null && OperationText.Evaluate(name.Value, types) is { } text && UnknownText.IsKnown(text)
            ? DeploymentUnit.TargetKey(text)
            : null;
        if (key is null)
        {
            var syntax = creation.Syntax;
            key = _unnamed.GetOrAdd((syntax.SyntaxTree, syntax.SpanStart), _ => DeploymentUnit.UnnamedKeyPrefix
                + Interlocked.Increment(ref _lastUnnamed).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _resources.Add((key, generation));
        return key;
    }

    private static IObjectCreationOperation? ArgumentsOf(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (OperationText.ResolveLocal(argument.Value) is IObjectCreationOperation arguments)
            {
                return arguments;
            }
        }

        return null;
    }
}
