using Pax.GoogleCloud.Iam;

namespace Pax.GoogleCloud.Run.Internal;

/// <summary>Turns a policy as read into the public <see cref="IamRoleBinding"/> list.</summary>
internal static class IamPolicyBindings
{
    public static IReadOnlyList<IamRoleBinding> From(IamPolicy policy) =>
        (policy.Bindings ?? [])
            .Where(b => !string.IsNullOrEmpty(b.Role))
            .Select(b => new IamRoleBinding(b.Role!, b.Members?.ToArray() ?? [], b.Condition is { ValueKind: not System.Text.Json.JsonValueKind.Null }))
            .ToArray();
}
