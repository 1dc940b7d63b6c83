using System.Text;
using System.Text.Json.Nodes;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// Item 2 of issue 26: a Scheduler job that runs a Cloud Run job with overrides in its body needs
/// run.jobs.runWithOverrides, which roles/run.invoker lacks (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run).
/// </summary>
public sealed class DoctorOverridesTests
{
    private const string RunCollector = "projects/pax-demo/locations/us-east1/jobs/run-collector";
    private const string Overrides = """{"overrides":{"containerOverrides":[{"env":[{"name":"PAX_SLOT","value":"2026-12-06T10:00:00Z"}]}],"taskCount":2}}""";

    [Fact]
    public async Task A_run_with_overrides_by_a_caller_holding_only_run_invoker_is_PAX002_naming_the_permission_and_the_role()
    {
        await using var project = await WithJobRun("roles/run.invoker", Overrides);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(1, code);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX002", RunCollector, CollectorJob), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString(), finding.GetProperty("target").GetString()));
        Assert.Contains("run.jobs.runWithOverrides", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("roles/run.jobsExecutorWithOverrides", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            $"gcloud run jobs add-iam-policy-binding pax-collector --project=pax-demo --region=us-east1 --member=serviceAccount:{SchedulerAccount} --role=roles/run.jobsExecutorWithOverrides",
            finding.GetProperty("fix").GetString());
    }

    [Theory]
    [InlineData("roles/run.jobsExecutorWithOverrides", Overrides)]
    [InlineData("roles/run.developer", Overrides)]
    [InlineData("roles/run.invoker", """{"validateOnly":false}""")]
    [InlineData("roles/run.invoker", "")]
    public async Task Silent_when_the_role_holds_what_the_body_needs(string role, string body)
    {
        await using var project = await WithJobRun(role, body);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Fix_grants_jobsExecutorWithOverrides_on_the_job_and_nothing_broader()
    {
        await using var project = await WithJobRun("roles/run.invoker", Overrides);

        var (code, report, error) = await project.ReportAsync("--fix", "--yes");

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.Contains($"done: grant roles/run.jobsExecutorWithOverrides to serviceAccount:{SchedulerAccount} on {CollectorJob}", error, StringComparison.Ordinal);
        var roles = project.Run.GetPolicy(CollectorJob)["bindings"]!.AsArray().Select(b => (string)b!["role"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["roles/run.invoker", "roles/run.jobsExecutorWithOverrides"], roles);
        Assert.Equal(1, project.Run.Requests.Count(r => r.Path.EndsWith(":setIamPolicy", StringComparison.Ordinal)));
    }

    private static async Task<DoctorProject> WithJobRun(string role, string body)
    {
        var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddJob(CollectorJob, Policy((role, [$"serviceAccount:{SchedulerAccount}"])));
        var job = HttpJob("run-collector", RunJobUrl, oauthAccount: SchedulerAccount);
        if (body.Length > 0)
        {
            job["httpTarget"]!["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            job["httpTarget"]!["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
        }

        project.Scheduler.AddJob(job);
        return project;
    }
}
