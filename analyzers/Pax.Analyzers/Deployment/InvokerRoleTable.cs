namespace Pax.Iam;

/// <summary>
/// The one role table of Pax: which predefined roles hold the permissions a caller needs to invoke a Cloud Run service,
/// run a Cloud Run job (with or without overrides) or invoke a 1st gen function. This file is compiled into both
/// Pax.Analyzers (netstandard2.0, PAX002 in code) and Pax.Tool (<c>pax doctor</c>, PAX002 in a live project), so the two
/// can never disagree; a test reads the rows of both assemblies. Sources, read 2026-12-01/02:
/// <list type="bullet">
/// <item>https://cloud.google.com/iam/docs/roles-permissions/run and https://cloud.google.com/run/docs/reference/iam/roles
/// (Cloud Run roles: <c>roles/run.admin</c> holds <c>run.*</c>; <c>roles/run.developer</c> holds <c>run.jobs.run</c>,
/// <c>run.jobs.runWithOverrides</c> and <c>run.routes.*</c>; <c>roles/run.invoker</c> "can invoke Cloud Run services and
/// execute Cloud Run jobs"; <c>roles/run.servicesInvoker</c> "can invoke Cloud Run services";
/// <c>roles/run.jobsExecutor</c> "can execute and cancel Cloud Run jobs"; <c>roles/run.jobsExecutorWithOverrides</c>
/// "can execute and cancel Cloud Run jobs with overrides". The stored copy of the page showed the three narrow roles'
/// titles and descriptions, not their permission lists: their rows follow the descriptions);</item>
/// <item>https://cloud.google.com/run/docs/execute/jobs (executing a job with overrides needs more than
/// <c>roles/run.invoker</c>);</item>
/// <item>https://cloud.google.com/run/docs/securing/managing-access ("only project owners and editors can create,
/// update, delete, or invoke" Cloud Run resources by default: <c>roles/owner</c>, <c>roles/editor</c>);</item>
/// <item>https://cloud.google.com/functions/docs/reference/iam/roles (<c>roles/cloudfunctions.invoker</c>: invoke
/// 1st gen HTTP functions, "2nd gen functions need the Cloud Run Invoker role instead";
/// <c>roles/cloudfunctions.admin</c> holds <c>cloudfunctions.*</c> and <c>run.*</c>);</item>
/// <item>FACTS.md §3.1 (<c>run.jobs.runWithOverrides</c> is not in <c>roles/run.invoker</c>).</item>
/// </list>
/// A role not in the table — a custom role, a role of another product that might hold <c>run.*</c>, anything not known
/// when this was written — is "can't tell", never "does not hold".
/// </summary>
internal static class InvokerRoleTable
{
    /// <summary>Invoke a Cloud Run service (or a 2nd gen function) over HTTP.</summary>
    public const string InvokeService = "run.routes.invoke";

    /// <summary>Run a Cloud Run job (<c>jobs/NAME:run</c>).</summary>
    public const string RunJob = "run.jobs.run";

    /// <summary>Run a Cloud Run job with overrides in the request body.</summary>
    public const string RunJobWithOverrides = "run.jobs.runWithOverrides";

    /// <summary>Invoke a 1st gen Cloud Function over HTTP.</summary>
    public const string InvokeFunction = "cloudfunctions.functions.invoke";

    /// <summary>The role that grants <see cref="RunJobWithOverrides"/> with the least else.</summary>
    public const string JobsExecutorWithOverrides = "roles/run.jobsExecutorWithOverrides";

    private static readonly string[] AllRun = [InvokeService, RunJob, RunJobWithOverrides];

    private static readonly Dictionary<string, string[]> Holding = new(StringComparer.Ordinal)
    {
        ["roles/owner"] = [.. AllRun, InvokeFunction],
        ["roles/editor"] = [.. AllRun, InvokeFunction],
        ["roles/run.admin"] = AllRun,
        ["roles/run.developer"] = AllRun,
        ["roles/run.invoker"] = [InvokeService, RunJob],
        ["roles/run.servicesInvoker"] = [InvokeService],
        ["roles/run.jobsExecutor"] = [RunJob],
        [JobsExecutorWithOverrides] = [RunJob, RunJobWithOverrides],
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

    /// <summary>Gets the table's rows: each known role and the invoke permissions it holds (none for the viewer roles).</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> Rows => Holding.OrderBy(row => row.Key, StringComparer.Ordinal);

    /// <summary>Gets the prefixes of the products whose predefined roles hold no invoke permission.</summary>
    public static IReadOnlyList<string> UnrelatedProductPrefixes => UnrelatedProducts;

    /// <summary>
    /// Whether <paramref name="role"/> holds <paramref name="permission"/>: <see langword="true"/> when the table says so,
    /// <see langword="false"/> when the role is known (or of an unrelated product) and certainly lacks it, and
    /// <see langword="null"/> when it cannot be told (a custom role, a role the table does not know).
    /// </summary>
    public static bool? Holds(string role, string permission)
    {
        var name = role.Trim();
        if (Holding.TryGetValue(name, out var held))
        {
            return Array.IndexOf(held, permission) >= 0;
        }

        return UnrelatedProducts.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) ? false : null;
    }

    /// <summary>The role that grants <paramref name="permission"/> with the least else, for messages and fixes.</summary>
    public static string SuggestedRole(string permission) => permission switch
    {
        InvokeFunction => "roles/cloudfunctions.invoker",
        RunJobWithOverrides => JobsExecutorWithOverrides,
        _ => "roles/run.invoker",
    };
}
