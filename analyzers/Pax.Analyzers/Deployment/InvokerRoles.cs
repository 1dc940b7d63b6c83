using Pax.Iam;

namespace Pax.Analyzers.Deployment;

/// <summary>
/// The permissions a caller needs to invoke a target (PAX002) and whether a role may hold them, read from
/// <see cref="InvokerRoleTable"/>: Pax's one role table, compiled into this assembly and into Pax.Tool (<c>pax doctor</c>)
/// from the same file, where its sources are recorded. A role the table does not know (a custom role, a role of another
/// product that might hold <c>run.*</c>, anything not known at build time) means "can't tell": it counts as a grant, so
/// the rule reports only what is certainly missing.
/// </summary>
internal static class InvokerRoles
{
    /// <summary>Invoke a Cloud Run service (or a 2nd gen function) over HTTP.</summary>
    public const string InvokeService = InvokerRoleTable.InvokeService;

    /// <summary>Run a Cloud Run job (<c>jobs/NAME:run</c>).</summary>
    public const string RunJob = InvokerRoleTable.RunJob;

    /// <summary>Run a Cloud Run job with overrides in the request body.</summary>
    public const string RunJobWithOverrides = InvokerRoleTable.RunJobWithOverrides;

    /// <summary>Invoke a 1st gen Cloud Function over HTTP.</summary>
    public const string InvokeFunction = InvokerRoleTable.InvokeFunction;

    /// <summary>Every permission that lets a caller invoke some target.</summary>
    public static readonly string[] AnyInvokePermission = [InvokeService, RunJob, RunJobWithOverrides, InvokeFunction];

    /// <summary>The role that grants <paramref name="permission"/> with the least else, for messages.</summary>
    public static string SuggestedRole(string permission) => InvokerRoleTable.SuggestedRole(permission);

    /// <summary>
    /// Whether <paramref name="role"/> may hold one of <paramref name="permissions"/>: <see langword="false"/> only when
    /// the role is known and certainly holds none of them.
    /// </summary>
    public static bool MayHoldAny(string? role, IReadOnlyList<string> permissions)
    {
        if (role is null || !UnknownText.IsKnown(role))
        {
            return true;
        }

        return permissions.Any(permission => InvokerRoleTable.Holds(role, permission) != false);
    }
}
