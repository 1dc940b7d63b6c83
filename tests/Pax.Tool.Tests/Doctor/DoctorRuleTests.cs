using System.Text.Json;
using System.Text.Json.Nodes;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>One rule at a time, end to end: each mistake against its correct twin.</summary>
public sealed class DoctorRuleTests
{
    private const string Tick = "projects/pax-demo/locations/us-east1/jobs/tick";
    private static readonly string[] JsonArgs = ["doctor", "--project", Project, "--region", Region, "--format", "json"];

    [Fact]
    public async Task PAX003_OAuth_to_a_Cloud_Run_service_is_reported_on_the_job_with_an_OIDC_fix()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddService(Orchestrator, OrchestratorUrl, Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        project.Scheduler.AddJob(HttpJob("tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oauthAccount: SchedulerAccount, attemptDeadline: "300s"));

        var finding = Assert.Single(await FindingsAsync(project));

        Assert.Equal(("PAX003", Tick, Orchestrator), (Id(finding), Resource(finding), Target(finding)));
        Assert.Contains($"--oidc-service-account-email={SchedulerAccount} --oidc-token-audience=https://orchestrator-abc123-ue.a.run.app", Fix(finding), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PAX003_also_for_a_run_app_or_cloudfunctions_URL_of_a_service_that_was_not_read()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Scheduler.AddJob(HttpJob("tick", "https://elsewhere-xyz-ew.a.run.app/cron/tick", oauthAccount: SchedulerAccount));
        project.Scheduler.AddJob(HttpJob("fn", "https://us-east1-pax-demo.cloudfunctions.net/report", oauthAccount: SchedulerAccount, attemptDeadline: "300s"));

        var findings = await FindingsAsync(project);

        Assert.Equal(["PAX003", "PAX003"], findings.Select(Id));
    }

    [Fact]
    public async Task PAX004_no_token_to_a_Google_API_or_a_private_service_but_not_to_a_public_one()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddJob(CollectorJob);
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.Run.AddService(PublicService, PublicUrl, invokerIamDisabled: true);
        project.Scheduler.AddJob(HttpJob("run-collector", RunJobUrl));
        project.PubSub.AddSubscription(PushSubscription("to-private", new Uri(OrchestratorUrl, "/pubsub"), account: null, deadLetter: true));
        project.PubSub.AddSubscription(PushSubscription("to-public", new Uri(PublicUrl, "/pubsub"), account: null, deadLetter: true));

        var findings = await FindingsAsync(project);

        Assert.Equal(
            [
                ("PAX004", "projects/pax-demo/locations/us-east1/jobs/run-collector"),
                ("PAX004", "projects/pax-demo/subscriptions/to-private"),
                ("PAX101", PublicService),
            ],
            findings.Select(f => (Id(f), Resource(f))));
        Assert.Contains("--invoker-iam-check", Fix(findings[2]), StringComparison.Ordinal);
        Assert.Contains("--push-endpoint=https://orchestrator-abc123-ue.a.run.app/pubsub --push-auth-service-account=", Fix(findings[1]), StringComparison.Ordinal); // omitted push flags would revert.
    }

    [Fact]
    public async Task A_cloudfunctions_net_URL_is_checked_against_the_Cloud_Run_service_behind_the_function()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        const string ReportService = "projects/pax-demo/locations/us-east1/services/report";
        project.Run.AddService(ReportService, new Uri("https://report-abc123-ue.a.run.app"), Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        project.Functions.AddFunction("projects/pax-demo/locations/us-east1/functions/report", ReportService, new Uri("https://report-abc123-ue.a.run.app"));
        project.Scheduler.AddJob(HttpJob("report-granted", "https://us-east1-pax-demo.cloudfunctions.net/report", oidcAccount: SchedulerAccount, attemptDeadline: "300s"));
        project.Scheduler.AddJob(HttpJob("report-not-granted", "https://us-east1-pax-demo.cloudfunctions.net/report", oidcAccount: PushAccount, attemptDeadline: "300s"));
        project.Scheduler.AddJob(HttpJob("report-no-token", "https://us-east1-pax-demo.cloudfunctions.net/report", attemptDeadline: "300s"));

        var findings = await FindingsAsync(project);

        Assert.Equal(
            [
                ("PAX002", "projects/pax-demo/locations/us-east1/jobs/report-not-granted", ReportService),
                ("PAX004", "projects/pax-demo/locations/us-east1/jobs/report-no-token", ReportService),
            ],
            findings.Select(f => (Id(f), Resource(f), Target(f))));
    }

    [Fact]
    public async Task PAX001_a_push_to_a_Google_API_whatever_its_token()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.PubSub.AddSubscription(PushSubscription("to-api", new Uri(RunJobUrl), PushAccount, deadLetter: true));

        var finding = Assert.Single(await FindingsAsync(project));

        Assert.Equal(("PAX001", "projects/pax-demo/subscriptions/to-api", CollectorJob), (Id(finding), Resource(finding), Target(finding)));
    }

    [Fact]
    public async Task PAX001_the_v1_regional_jobs_run_URL_is_a_Google_API_too()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Scheduler.AddJob(HttpJob("v1", "https://us-east1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/pax-demo/jobs/pax-collector:run", oidcAccount: SchedulerAccount));

        var finding = Assert.Single(await FindingsAsync(project));

        Assert.Equal(("PAX001", CollectorJob), (Id(finding), Target(finding)));
    }

    [Fact]
    public async Task PAX002_on_a_job_run_without_any_role_that_has_run_jobs_run()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy(("roles/run.viewer", [$"serviceAccount:{SchedulerAccount}"])));
        project.Run.AddJob(CollectorJob, Policy(("roles/run.viewer", [$"serviceAccount:{SchedulerAccount}"])));
        project.Scheduler.AddJob(HttpJob("run-collector", RunJobUrl, oauthAccount: SchedulerAccount));

        var finding = Assert.Single(await FindingsAsync(project));

        Assert.Equal(("PAX002", "projects/pax-demo/locations/us-east1/jobs/run-collector", CollectorJob), (Id(finding), Resource(finding), Target(finding)));
        Assert.Equal($"gcloud run jobs add-iam-policy-binding pax-collector --project=pax-demo --region=us-east1 --member=serviceAccount:{SchedulerAccount} --role=roles/run.invoker", Fix(finding));
    }

    [Theory]
    [InlineData("roles/run.jobsExecutorWithOverrides", "job")]
    [InlineData("roles/run.developer", "project")]
    [InlineData("roles/editor", "project")]
    [InlineData("roles/run.invoker", "project")]
    public async Task PAX002_silent_when_a_role_that_can_run_the_job_is_held_on_the_job_or_the_project(string role, string where)
    {
        await using var project = await StartAsync();
        var grant = Policy((role, [$"serviceAccount:{SchedulerAccount}"]));
        project.ResourceManager.SetProjectPolicy(Project, where == "project" ? grant : Policy());
        project.Run.AddJob(CollectorJob, where == "job" ? grant : null);
        project.Scheduler.AddJob(HttpJob("run-collector", RunJobUrl, oauthAccount: SchedulerAccount));

        Assert.Empty(await FindingsAsync(project));
    }

    [Fact]
    public async Task PAX002_cannot_tell_through_a_group_grant_or_a_conditional_binding_and_stays_silent()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy(("roles/run.invoker", ["group:pipelines@example.com"])));
        var conditional = Policy(("roles/run.invoker", [$"serviceAccount:{PushAccount}"]));
        conditional["version"] = 3;
        conditional["bindings"]![0]!["condition"] = new JsonObject { ["title"] = "weekdays", ["expression"] = "request.time.getDayOfWeek() < 5" };
        project.Run.AddService(Orchestrator, OrchestratorUrl, conditional);
        project.PubSub.AddSubscription(PushSubscription("push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));

        Assert.Empty(await FindingsAsync(project));
    }

    [Fact]
    public async Task PAX002_is_not_guessed_when_the_targets_policy_could_not_be_read()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.Run.Deny($"{Orchestrator}:getIamPolicy", "run.services.getIamPolicy");
        project.PubSub.AddSubscription(PushSubscription("push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Contains($"run.services.getIamPolicy on {Orchestrator}", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_project_policy_is_incomplete_and_PAX002_is_not_guessed()
    {
        await using var project = await StartAsync(); // no project policy: Resource Manager answers 403, as for a missing project.
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.PubSub.AddSubscription(PushSubscription("push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal(("cloudresourcemanager.googleapis.com", "global"), (gap.GetProperty("api").GetString(), gap.GetProperty("location").GetString()));
        Assert.Contains("resourcemanager.projects.getIamPolicy", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PAX101_allAuthenticatedUsers_is_public_too_and_the_callers_are_not_PAX002()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddService(PublicService, PublicUrl, Policy(("roles/run.invoker", ["allAuthenticatedUsers"])));
        project.PubSub.AddSubscription(PushSubscription("push", new Uri(PublicUrl, "/pubsub"), PushAccount, deadLetter: true));

        var finding = Assert.Single(await FindingsAsync(project));

        Assert.Equal(("PAX101", "warning", "allAuthenticatedUsers"), (Id(finding), finding.GetProperty("severity").GetString(), finding.GetProperty("member").GetString()));
    }

    [Fact]
    public async Task Every_region_given_is_read()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Scheduler.AddJob(new JsonObject
        {
            ["name"] = "projects/pax-demo/locations/europe-west1/jobs/eu",
            ["schedule"] = "* * * * *",
            ["httpTarget"] = new JsonObject { ["uri"] = RunJobUrl, ["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = SchedulerAccount } },
        });

        var (_, output, _) = await project.RunAsync("doctor", "--project", Project, "--region", Region, "--region", "europe-west1", "--format", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("projects/pax-demo/locations/europe-west1/jobs/eu", Resource(Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray())));
        Assert.Equal(2, json.RootElement.GetProperty("checked").GetProperty("regions").GetInt32());
    }

    private static async Task<JsonElement[]> FindingsAsync(DoctorProject project)
    {
        var (_, output, _) = await project.RunAsync(JsonArgs);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("incomplete").EnumerateArray());
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToArray();
    }

    private static string? Id(JsonElement finding) => finding.GetProperty("id").GetString();

    private static string? Resource(JsonElement finding) => finding.GetProperty("resource").GetString();

    private static string? Target(JsonElement finding) => finding.GetProperty("target").GetString();

    private static string? Fix(JsonElement finding) => finding.GetProperty("fix").GetString();
}
