using Pax.Iam;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX101 (warning): a Cloud Run service anyone can call — <c>allUsers</c> or <c>allAuthenticatedUsers</c> in a role
/// with <c>run.routes.invoke</c>, or the invoker IAM check disabled (<c>invokerIamDisabled</c>,
/// cloud.google.com/run/docs/securing/managing-access#invoker_check). Pax's <c>CloudRunIam</c> push authentication
/// trusts Cloud Run to have checked the token, which such a service does not do.
/// </summary>
internal static class PublicServiceChecks
{
    /// <summary>Whether anyone can call the service; <see langword="null"/> when its policy could not be read.</summary>
    public static bool? IsPublic(ServiceState service)
    {
        if (service.Service.InvokerIamDisabled)
        {
            return true;
        }

        return service.Bindings?.Any(b => InvokesService(b.Role) && !b.Conditional && b.Members.Any(InvokerRoles.IsPublicMember));
    }

    public static IEnumerable<Finding> Check(ServiceState state)
    {
        var name = state.Service.Name;
        var parsed = ResourceName.Parse(name);
        const string Why = "Pax's CloudRunIam push authentication trusts Cloud Run to have checked the caller's token, which this service does not do.";
        if (state.Service.InvokerIamDisabled)
        {
            yield return new Finding(RuleIds.PublicService, FindingSeverity.Warning, name, name, null,
                $"The invoker IAM check is disabled: anyone can call the service. {Why}", GcloudFixes.EnableInvokerCheck(parsed));
        }

        foreach (var binding in state.Bindings ?? [])
        {
            if (!InvokesService(binding.Role) || binding.Conditional)
            {
                continue;
            }

            foreach (var member in binding.Members.Where(InvokerRoles.IsPublicMember))
            {
                yield return new Finding(RuleIds.PublicService, FindingSeverity.Warning, name, name, member,
                    $"{member} holds {binding.Role}: anyone{(member == "allAuthenticatedUsers" ? " with a Google account" : string.Empty)} can call the service. {Why}",
                    GcloudFixes.RemovePublicBinding(parsed, member, binding.Role));
            }
        }
    }

    private static bool InvokesService(string role) => InvokerRoleTable.Holds(role, InvokerRoleTable.InvokeService) == true;
}
