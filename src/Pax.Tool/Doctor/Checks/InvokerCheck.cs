using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX002: the caller's identity holds no role that can call the service or run the job, neither on it nor on the
/// project. Reported on the caller (Scheduler job, push subscription). Only when every policy involved was read and the
/// answer is a clear "no": an unreadable policy is in <c>incomplete</c>, a group or custom-role grant is "cannot tell".
/// </summary>
internal static class InvokerCheck
{
    public static Finding? Check(string caller, string member, ResolvedTarget target, ProjectInventory inventory)
    {
        var (resource, bindings, roles, what) = target switch
        {
            { Service: { } s } => (s.Service.Name, s.Bindings, InvokerRoles.ServiceInvokers, "call the service (run.routes.invoke)"),
            { Job: { } j } => (j.Name, j.Bindings, InvokerRoles.JobRunners, "run the job (run.jobs.run)"),
            _ => (null, null, null, null),
        };
        if (resource is null || bindings is null || roles is null || inventory.ProjectBindings is null)
        {
            return null;
        }

        if (target.Service is { } service && PublicServiceChecks.IsPublic(service) != false)
        {
            return null; // anyone may call it (PAX101 says so), or it cannot be told.
        }

        var onResource = InvokerRoles.Holds(bindings, roles, member);
        var onProject = InvokerRoles.Holds(inventory.ProjectBindings, roles, member);
        if (onResource != GrantState.No || onProject != GrantState.No)
        {
            return null;
        }

        return new Finding(RuleIds.MissingInvoker, FindingSeverity.Error, caller, resource, member,
            $"{member} holds no role that can {what} on {resource} or on the project: Cloud Run rejects every request with 403 before it reaches the code, so nothing is logged.",
            GcloudFixes.GrantInvoker(ResourceName.Parse(resource), member), new FixAction(FixKind.GrantInvoker, resource, member));
    }
}
