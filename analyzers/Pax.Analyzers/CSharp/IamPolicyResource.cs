using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// The target of an IAM policy that <c>Policy.AddRoleMember</c> or an added <c>Binding</c> changes: the <c>Resource</c> of the one
/// <c>Google.Cloud.Iam.V1.SetIamPolicyRequest</c> in the same method whose <c>Policy</c> is that local.
/// </summary>
internal static class IamPolicyResource
{
    private const string RequestType = "Google.Cloud.Iam.V1.SetIamPolicyRequest";

    /// <summary>
    /// The target key (<see cref="DeploymentUnit.TargetKey"/>) of the policy <paramref name="addRoleMember"/> changes, or
    /// <see langword="null"/> when it is not known (not a local, no or several requests, a resource that is not a
    /// service, job or function, a name not known at build time): then the grant counts for every target.
    /// </summary>
    public static string? TargetOf(IInvocationOperation addRoleMember, CSharpDeploymentTypes types) =>
        addRoleMember.Instance is ILocalReferenceOperation { Local: var policy } ? TargetOfPolicy(policy, Root(addRoleMember), types) : null;

    /// <summary>
    /// The target key of the policy an IAM <c>Binding</c> is added to (<c>policy.Bindings.Add(binding)</c>, the binding
    /// created in the call or held in a local), as <see cref="TargetOf"/> finds it; <see langword="null"/> when not known.
    /// </summary>
    public static string? TargetOfBinding(IObjectCreationOperation binding, CSharpDeploymentTypes types)
    {
        var root = Root(binding);
        IOperation added = binding;
        while (added.Parent is IConversionOperation conversion)
        {
            added = conversion;
        }

        if (added.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } })
        {
            // var binding = new Binding { … }; policy.Bindings.Add(binding);
            added = root.Descendants()
                .OfType<ILocalReferenceOperation>()
                .FirstOrDefault(reference => SymbolEqualityComparer.Default.Equals(reference.Local, local) && reference.Parent is IArgumentOperation)
                ?? added;
        }

        return added.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" } add }
            && add.Instance is IPropertyReferenceOperation { Property.Name: "Bindings", Instance: ILocalReferenceOperation { Local: var policy } }
            ? TargetOfPolicy(policy, root, types)
            : null;
    }

    private static string? TargetOfPolicy(ILocalSymbol policy, IOperation root, CSharpDeploymentTypes types)
    {

        string? resource = null;
        var found = 0;
        foreach (var creation in root.Descendants().OfType<IObjectCreationOperation>())
        {
            if (creation.Type?.ToDisplayString() != RequestType || creation.Initializer is not { } initializer
                || !initializer.Initializers.Any(member => Assigns(member, "Policy") is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, policy)))
            {
                continue;
            }

            found++;
            resource = initializer.Initializers.Select(member => Assigns(member, "Resource")).FirstOrDefault(value => value is not null) is { } value
                ? OperationText.Evaluate(value, types)
                : null;
        }

        return found == 1 ? KeyOf(resource) : null;
    }

    /// <summary>
    /// The target key of a Cloud Run or Cloud Functions resource name (<c>projects/P/locations/L/services/NAME</c>,
    /// <c>…/jobs/NAME</c>, <c>…/functions/NAME</c>); <see langword="null"/> for anything else (a project, unknown).
    /// </summary>
    private static string? KeyOf(string? resource)
    {
        if (resource is null || !UnknownText.IsKnown(resource))
        {
            return null;
        }

        var segments = resource.Trim().Split('/');
        if (segments.Length < 2)
        {
            return null;
        }

        return segments[segments.Length - 2] switch
        {
            "services" or "functions" => DeploymentUnit.TargetKey(segments[segments.Length - 1]),
            "jobs" => DeploymentUnit.TargetKey(segments[segments.Length - 1], job: true),
            _ => null,
        };
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static IOperation? Assigns(IOperation member, string property) =>
        member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name }, Value: var value } && name == property
            ? value
            : null;
}
