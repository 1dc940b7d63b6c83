namespace Pax.GoogleCloud.Run.Internal;

/// <summary>Read-modify-write of one member in one role, leaving every other binding, condition and field as read.</summary>
internal static class IamPolicyEditor
{
    /// <summary>Returns whether <paramref name="member"/> holds <paramref name="role"/> without a condition.</summary>
    public static bool HasUnconditionalMember(IamPolicy policy, string role, string member) =>
        policy.Bindings?.Any(b => b.Role == role && b.Condition is null && b.Members?.Contains(member, StringComparer.Ordinal) == true) == true;

    /// <summary>Adds <paramref name="member"/> to the unconditional binding of <paramref name="role"/>, creating it when there is none.</summary>
    public static void AddMember(IamPolicy policy, string role, string member)
    {
        policy.Bindings ??= [];
        var binding = policy.Bindings.FirstOrDefault(b => b.Role == role && b.Condition is null);
        if (binding is null)
        {
            policy.Bindings.Add(new IamBinding { Role = role, Members = [member] });
            return;
        }

        binding.Members ??= [];
        binding.Members.Add(member);
    }
}
