using Pax.GoogleCloud.Iam;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// Which predefined roles can call a Cloud Run service or run a job, and whether a member holds one. The tool's own
/// table, from Google's IAM reference:
/// <list type="bullet">
/// <item><c>run.routes.invoke</c> (call a service): "the Owner, Editor, Cloud Run Admin, and Cloud Run Invoker roles"
/// (cloud.google.com/run/docs/securing/managing-access), plus Cloud Run Developer (<c>run.routes.*</c>) and Cloud Run
/// Services Invoker (cloud.google.com/run/docs/reference/iam/roles).</item>
/// <item><c>run.jobs.run</c> (run a job without overrides): Cloud Run Invoker, Jobs Executor, Jobs Executor With
/// Overrides, Developer, Admin (<c>run.*</c>) (cloud.google.com/run/docs/reference/iam/roles), Owner and Editor.</item>
/// </list>
/// A grant on the service or job, or on the project, counts. Custom roles and grants to groups, domains or workload
/// identity pools cannot be evaluated from the policy alone: they make the answer "unknown", never a finding.
/// </summary>
internal static class InvokerRoles
{
    public static readonly IReadOnlySet<string> ServiceInvokers = new HashSet<string>(StringComparer.Ordinal)
    {
        "roles/run.invoker", "roles/run.servicesInvoker", "roles/run.developer", "roles/run.admin", "roles/owner", "roles/editor",
    };

    public static readonly IReadOnlySet<string> JobRunners = new HashSet<string>(StringComparer.Ordinal)
    {
        "roles/run.invoker", "roles/run.jobsExecutor", "roles/run.jobsExecutorWithOverrides", "roles/run.developer", "roles/run.admin", "roles/owner", "roles/editor",
    };

    /// <summary>Public members: anyone, or anyone with a Google account.</summary>
    public static bool IsPublicMember(string member) => member is "allUsers" or "allAuthenticatedUsers";

    /// <summary>Whether <paramref name="member"/> holds one of <paramref name="roles"/> in <paramref name="bindings"/>: yes, no, or cannot tell.</summary>
    public static GrantState Holds(IEnumerable<IamRoleBinding> bindings, IReadOnlySet<string> roles, string member)
    {
        var state = GrantState.No;
        foreach (var binding in bindings)
        {
            var canInvoke = roles.Contains(binding.Role);
            var custom = binding.Role.Contains("/roles/", StringComparison.Ordinal);
            if (!canInvoke && !custom)
            {
                continue;
            }

            foreach (var bound in binding.Members)
            {
                var matches = string.Equals(bound, member, StringComparison.OrdinalIgnoreCase) || IsPublicMember(bound);
                if (matches && canInvoke && !binding.Conditional)
                {
                    return GrantState.Yes;
                }

                if (matches || (canInvoke && IsIndirect(bound)))
                {
                    state = GrantState.Unknown; // a custom role, a condition, or a group the member may be in.
                }
            }
        }

        return state;
    }

    private static bool IsIndirect(string member) =>
        member.StartsWith("group:", StringComparison.Ordinal) || member.StartsWith("domain:", StringComparison.Ordinal)
        || member.StartsWith("principalSet:", StringComparison.Ordinal);
}
