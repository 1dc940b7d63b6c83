namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// The permissions of the predefined Cloud Run roles, as far as the calls Pax makes go (jobs:run, executions list,
/// the IAM methods). Sources: cloud.google.com/iam/docs/roles-permissions/run ("Cloud Run Invoker: can invoke
/// Cloud Run services and execute Cloud Run jobs"; "Cloud Run Jobs Executor With Overrides: can execute and cancel
/// Cloud Run jobs with overrides"; "Cloud Run Viewer: can view the state of all Cloud Run resources, including IAM
/// policies"), cloud.google.com/run/docs/reference/iam/permissions (run.jobs.run, run.jobs.runWithOverrides,
/// run.executions.list) and cloud.google.com/run/docs/execute/jobs "Required roles" (Invoker to execute, Developer
/// to override). FACTS.md §3.1 (corrected): roles/run.invoker does NOT hold run.jobs.runWithOverrides.
/// </summary>
internal static class FakeRunRoles
{
    public const string Run = "run.jobs.run";
    public const string RunWithOverrides = "run.jobs.runWithOverrides";
    public const string ListExecutions = "run.executions.list";
    public const string CancelExecutions = "run.executions.cancel";

    private static readonly Dictionary<string, string[]> Permissions = new(StringComparer.Ordinal)
    {
        ["roles/run.invoker"] = ["run.routes.invoke", Run],
        ["roles/run.jobsExecutor"] = [Run, CancelExecutions],
        ["roles/run.jobsExecutorWithOverrides"] = [Run, RunWithOverrides, CancelExecutions],
        ["roles/run.viewer"] = ["run.jobs.get", "run.jobs.list", "run.jobs.getIamPolicy", "run.executions.get", ListExecutions, "run.services.getIamPolicy"],
        ["roles/run.developer"] = [Run, RunWithOverrides, CancelExecutions, "run.jobs.get", "run.jobs.list", "run.jobs.getIamPolicy", "run.executions.get", ListExecutions, "run.services.getIamPolicy"],
        ["roles/run.admin"] =
        [
            Run, RunWithOverrides, CancelExecutions, "run.jobs.get", "run.jobs.list", "run.jobs.getIamPolicy", "run.jobs.setIamPolicy",
            "run.executions.get", ListExecutions, "run.services.getIamPolicy", "run.services.setIamPolicy",
        ],
    };

    public static bool Grants(string role, string permission) =>
        Permissions.TryGetValue(role, out var permissions) && permissions.Contains(permission, StringComparer.Ordinal);
}
