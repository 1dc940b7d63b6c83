namespace Pax.Analyzers.Deployment;

/// <summary>
/// Which predefined roles hold the permissions a caller needs to invoke a target (PAX002), from Google's IAM role
/// reference, read 2026-12-01:
/// <list type="bullet">
/// <item>https://cloud.google.com/iam/docs/roles-permissions/run and https://cloud.google.com/run/docs/reference/iam/roles
/// (Cloud Run roles: <c>roles/run.admin</c> holds <c>run.*</c>; <c>roles/run.developer</c> holds <c>run.jobs.run</c>,
/// <c>run.jobs.runWithOverrides</c> and <c>run.routes.*</c>; <c>roles/run.invoker</c> "can invoke Cloud Run services and
/// execute Cloud Run jobs"; <c>roles/run.servicesInvoker</c> "can invoke Cloud Run services";
/// <c>roles/run.jobsExecutor</c> "can execute and cancel Cloud Run jobs"; <c>roles/run.jobsExecutorWithOverrides</c>
/// "can execute and cancel Cloud Run jobs with overrides");</item>
/// <item>https://cloud.google.com/run/docs/execute/jobs (executing a job with overrides needs more than
/// <c>roles/run.invoker</c>: <c>roles/run.developer</c> is the role it names);</item>
/// <item>https://cloud.google.com/run/docs/securing/managing-access ("only project owners and editors can create,
/// update, delete, or invoke" Cloud Run resources by default: <c>roles/owner</c>, <c>roles/editor</c>);</item>
/// <item>https://cloud.google.com/functions/docs/reference/iam/roles (<c>roles/cloudfunctions.invoker</c>: invoke
/// 1st gen HTTP functions, "2nd gen functions need the Cloud Run Invoker role instead";
/// <c>roles/cloudfunctions.admin</c> holds <c>cloudfunctions.*</c> and <c>run.*</c>);</item>
/// <item>FACTS.md §3.1 (<c>run.jobs.runWithOverrides</c> is not in <c>roles/run.invoker</c>).</item>
/// </list>
/// A role not in these tables (a custom role, a role of another product that might hold <c>run.*</c>, anything not
/// known at build time) means "can't tell": it counts as a grant, so the rule reports only what is certainly missing.
/// </summary>
internal static class InvokerRoles
{
    /// <summary>Invoke a Cloud Run service (or a 2nd gen function) over HTTP.</summary>
    public const string InvokeService = "run.routes.invoke";

    /// <summary>Run a Cloud Run job (<c>jobs/NAME:run</c>).</summary>
    public const string RunJob = "run.jobs.run";

    /// <summary>Run a Cloud Run job with overrides in the request body.</summary>
    public const string RunJobWithOverrides = "run.jobs.runWithOverrides";

    /// <summary>Invoke a 1st gen Cloud Function over HTTP.</summary>
    public const string InvokeFunction = "cloudfunctions.functions.invoke";

    /// <summary>Every permission that lets a caller invoke some target.</summary>
    public static readonly string[] AnyInvokePermission = [InvokeService, RunJob, RunJobWithOverrides, InvokeFunction];

    private static readonly string[] AllRun = [InvokeService, RunJob, RunJobWithOverrides];

    private static readonly Dictionary<string, string[]> Holding = new(StringComparer.Ordinal)
    {
        ["roles/owner"] = [.. AllRun, InvokeFunction],
        ["roles/editor"] = [.. AllRun, InvokeFunction],
        ["roles/run.admin"] = AllRun,
        ["roles/run.developer"] = AllRun,
        ["roles/run.invoker"] = [InvokeService, RunJob],
        // https://cloud.google.com/iam/docs/roles-permissions/run, read 2026-12-02: "Cloud Run Service Invoker" (can invoke
        // Cloud Run services), "Cloud Run Jobs Executor" (can execute and cancel Cloud Run jobs), "Cloud Run Jobs Executor
        // With Overrides" (can execute and cancel Cloud Run jobs with overrides). The stored copy of the page showed the
        // roles' titles and descriptions, not their permission lists: these entries follow the descriptions.
        ["roles/run.servicesInvoker"] = [InvokeService],
        ["roles/run.jobsExecutor"] = [RunJob],
        ["roles/run.jobsExecutorWithOverrides"] = [RunJob, RunJobWithOverrides],
        ["roles/cloudfunctions.admin"] = [.. AllRun, InvokeFunction],
        ["roles/cloudfunctions.invoker"] = [InvokeFunction],
        ["roles/run.viewer"] = [],
        ["roles/run.builder"] = [],
        ["roles/cloudfunctions.viewer"] = [],
        ["roles/viewer"] = [],
        ["roles/browser"] = [],
    };

    /// <summary>Products whose predefined roles hold no <c>run.*</c> or <c>cloudfunctions.*</c> permission.</summary>
    private static readonly string[] UnrelatedProducts =
    [
        "roles/pubsub.", "roles/logging.", "roles/monitoring.", "roles/storage.", "roles/iam.", "roles/cloudscheduler.",
        "roles/eventarc.", "roles/secretmanager.", "roles/artifactregistry.", "roles/cloudtrace.", "roles/datastore.",
        "roles/cloudsql.", "roles/bigquery.",
    ];

    /// <summary>The role that grants <paramref name="permission"/> with the least else, for messages.</summary>
    public static string SuggestedRole(string permission) => permission switch
    {
        InvokeFunction => "roles/cloudfunctions.invoker",
        RunJobWithOverrides => "roles/run.jobsExecutorWithOverrides",
        _ => "roles/run.invoker",
    };

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

        var name = role.Trim();
        if (Holding.TryGetValue(name, out var held))
        {
            return permissions.Any(permission => Array.IndexOf(held, permission) >= 0);
        }

        return !UnrelatedProducts.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }
}
