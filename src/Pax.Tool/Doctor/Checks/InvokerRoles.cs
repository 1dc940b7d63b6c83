using Pax.GoogleCloud.Iam;
using Pax.Iam;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// Whether a member holds a permission through the bindings of one policy, judged by <see cref="InvokerRoleTable"/> — the
/// one role table the analyzers compile too. Custom roles, roles the table does not know and grants to groups, domains
/// or workload identity pools cannot be evaluated from the policy alone: they make the answer "unknown", never a finding.
/// </summary>
internal static class InvokerRoles
{
    /// <summary>Public members: anyone, or anyone with a Google account.</summary>
    public static bool IsPublicMember(string member) => member is "allUsers" or "allAuthenticatedUsers";

    /// <summary>Whether <paramref name="member"/> holds <paramref name="permission"/> in <paramref name="bindings"/>: yes, no, or cannot tell.</summary>
    public static GrantState Holds(IEnumerable<IamRoleBinding> bindings, string permission, string member)
    {
        var state = GrantState.No;
        foreach (var binding in bindings)
        {
            var held = InvokerRoleTable.Holds(binding.Role, permission);
            if (held == false)
            {
                continue;
            }

            foreach (var bound in binding.Members)
            {
                var matches = string.Equals(bound, member, StringComparison.OrdinalIgnoreCase) || IsPublicMember(bound);
                if (matches && held == true && !binding.Conditional)
                {
                    return GrantState.Yes;
                }

                if (matches || (held == true && IsIndirect(bound)))
                {
                    state = GrantState.Unknown; // a role the table does not know, a condition, or a group the member may be in.
                }
            }
        }

        return state;
    }

    /// <summary>Combines the answers of several policies: held on any is held; otherwise any "cannot tell" wins over "no".</summary>
    public static GrantState Any(IEnumerable<GrantState> states)
    {
        var result = GrantState.No;
        foreach (var state in states)
        {
            if (state == GrantState.Yes)
            {
                return GrantState.Yes;
            }

            if (state == GrantState.Unknown)
            {
                result = GrantState.Unknown;
            }
        }

        return result;
    }

    private static bool IsIndirect(string member) =>
        member.StartsWith("group:", StringComparison.Ordinal) || member.StartsWith("domain:", StringComparison.Ordinal)
        || member.StartsWith("principalSet:", StringComparison.Ordinal);
}
