using Pax.GoogleCloud.Iam;
using Pax.Iam;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX002: the caller's identity holds no role that can call the service or run the job — with
/// <c>run.jobs.runWithOverrides</c> when the run carries overrides — neither on it, nor on the project, nor on the
/// project's folders and organization (inherited grants). Reported on the caller. An error only when every policy
/// involved was read and the answer is a clear "no"; when an ancestor's policy could not be read it is a warning that
/// names what the read needs, with no <c>--fix</c>. An unreadable target or project policy is in <c>incomplete</c>, a
/// group or custom-role grant is "cannot tell".
/// </summary>
internal static class InvokerCheck
{
    public static Finding? Check(string caller, string member, ResolvedTarget target, ProjectInventory inventory, bool withOverrides = false)
    {
        var (resource, bindings, permission, what) = target switch
        {
            { Service: { } s } => (s.Service.Name, s.Bindings, InvokerRoleTable.InvokeService, "call the service (run.routes.invoke)"),
            { Job: { } j } when withOverrides => (j.Name, j.Bindings, InvokerRoleTable.RunJobWithOverrides, "run the job with the overrides its request carries (run.jobs.runWithOverrides)"),
            { Job: { } j } => (j.Name, j.Bindings, InvokerRoleTable.RunJob, "run the job (run.jobs.run)"),
            _ => (null, null, null, null),
        };
        if (resource is null || bindings is null || permission is null || inventory.ProjectBindings is null)
        {
            return null;
        }

        if (target.Service is { } service && PublicServiceChecks.IsPublic(service) != false)
        {
            return null; // anyone may call it (PAX101 says so), or it cannot be told.
        }

        var policies = new[] { bindings, inventory.ProjectBindings }.Concat(inventory.Ancestors.Select(a => a.Bindings).OfType<IReadOnlyList<IamRoleBinding>>());
        if (InvokerRoles.Any(policies.Select(p => InvokerRoles.Holds(p, permission, member))) != GrantState.No)
        {
            return null;
        }

        var name = ResourceName.Parse(resource);
        var role = InvokerRoleTable.SuggestedRole(permission);
        var grant = GcloudFixes.GrantRole(name, member, role);
        var unread = inventory.Ancestors.Select(a => a.Needs).Append(inventory.AncestryUnknown).OfType<string>().ToArray();
        if (unread.Length > 0)
        {
            return new Finding(RuleIds.MissingInvoker, FindingSeverity.Warning, caller, resource, member,
                $"{member} holds no role that can {what} on {resource} or on the project, and pax doctor cannot tell whether a folder or the organization grants one: "
                + $"{string.Join("; ", unread)} could not be read. If none does, Cloud Run rejects every request with 403.",
                GcloudFixes.InspectAncestors(name.Project, member, permission, grant));
        }

        var cause = withOverrides
            ? $"the request carries overrides, which need {InvokerRoleTable.RunJobWithOverrides} ({role}; roles/run.invoker lacks it), so Cloud Run answers every run 403 PERMISSION_DENIED."
            : "Cloud Run rejects every request with 403 before it reaches the code, so nothing is logged.";
        return new Finding(RuleIds.MissingInvoker, FindingSeverity.Error, caller, resource, member,
            $"{member} holds no role that can {what} on {resource}, on the project or on its folders and organization: {cause}",
            grant, new FixAction(FixKind.GrantRole, resource, member, role));
    }
}
