using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;

namespace Pax.Tool.Tests.Doctor;

public sealed class DoctorTests
{
    private static readonly string[] JsonArgs = ["doctor", "--project", DoctorProject.Project, "--region", DoctorProject.Region, "--format", "json"];

    [Fact]
    public async Task Broken_project_reports_each_mistake_on_its_resource_and_exits_1()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedBroken();

        var (code, output, error) = await project.RunAsync(JsonArgs);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetString(), Severity: f.GetProperty("severity").GetString(), Resource: f.GetProperty("resource").GetString(),
                Target: f.GetProperty("target").GetString(), Member: f.GetProperty("member").GetString()))
            .ToArray();
        Assert.Equal(
            [
                ("PAX001", "error", "projects/pax-demo/locations/us-east1/jobs/pax-collector-every-30-min", DoctorProject.CollectorJob, $"serviceAccount:{DoctorProject.SchedulerAccount}"),
                ("PAX002", "error", DoctorProject.Trigger, DoctorProject.Orchestrator, $"serviceAccount:{DoctorProject.EventarcAccount}"),
                ("PAX002", "error", "projects/pax-demo/subscriptions/completions-push", DoctorProject.Orchestrator, $"serviceAccount:{DoctorProject.PushAccount}"),
                ("PAX101", "warning", DoctorProject.PublicService, DoctorProject.PublicService, "allUsers"),
            ],
            findings);
        Assert.Empty(json.RootElement.GetProperty("incomplete").EnumerateArray());
    }

    [Fact]
    public async Task Fixes_are_the_gcloud_commands_for_the_exact_resource_and_member()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedBroken();

        var (_, output, _) = await project.RunAsync(JsonArgs);

        using var json = JsonDocument.Parse(output);
        var fixes = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("resource").GetString() != DoctorProject.Trigger)
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("fix").GetString());
        Assert.Equal(
            "gcloud scheduler jobs update http pax-collector-every-30-min --project=pax-demo --location=us-east1 "
            + $"--oauth-service-account-email={DoctorProject.SchedulerAccount} --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform",
            fixes["PAX001"]);
        Assert.Equal(
            $"gcloud run services add-iam-policy-binding orchestrator --project=pax-demo --region=us-east1 --member=serviceAccount:{DoctorProject.PushAccount} --role=roles/run.invoker",
            fixes["PAX002"]);
        Assert.Equal("gcloud run services remove-iam-policy-binding public-api --project=pax-demo --region=us-east1 --member=allUsers --role=roles/run.invoker", fixes["PAX101"]);
    }

    [Fact]
    public async Task Correct_project_gives_no_finding_and_exits_0_reading_every_page()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        project.Run.AddJob("projects/pax-demo/locations/us-east1/jobs/pax-report"); // nobody calls it: nothing to report.
        project.Scheduler.MaxPageSize = 1;
        project.Run.MaxPageSize = 1;
        project.PubSub.MaxPageSize = 1;

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("incomplete").EnumerateArray());
        var counts = json.RootElement.GetProperty("checked");
        Assert.Equal(2, counts.GetProperty("schedulerJobs").GetInt32());
        Assert.Equal(4, counts.GetProperty("subscriptions").GetInt32());
        Assert.Equal(2, counts.GetProperty("pushSubscriptions").GetInt32());
        Assert.Equal(1, counts.GetProperty("eventarcTriggers").GetInt32());
        Assert.Equal(1, counts.GetProperty("eventarcManagedSubscriptions").GetInt32());
        Assert.Equal(1, counts.GetProperty("services").GetInt32());
        Assert.Equal(2, counts.GetProperty("jobs").GetInt32());
        Assert.Equal(1, counts.GetProperty("projectIamPolicy").GetInt32());
        Assert.Contains(project.Scheduler.Requests, r => r.Query.ContainsKey("pageToken"));
        Assert.Contains(project.PubSub.Requests, r => r.Query.ContainsKey("pageToken"));
        Assert.Contains(project.Run.Requests, r => r.Query.ContainsKey("pageToken"));
    }

    [Fact]
    public async Task Loopback_endpoint_overrides_are_reached_without_a_token()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();

        await project.RunAsync(JsonArgs);

        Assert.NotEmpty(project.Scheduler.Requests);
        Assert.NotEmpty(project.Run.Requests);
        Assert.NotEmpty(project.PubSub.Requests);
        Assert.NotEmpty(project.ResourceManager.Requests);
        Assert.NotEmpty(project.Eventarc.Requests);
        Assert.NotEmpty(project.Functions.Requests);
        Assert.NotEmpty(project.Monitoring.Requests); // CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING routes the evidence reads.
        Assert.All(project.AuthorizationHeaders, Assert.Null);
    }

    [Fact]
    public async Task A_403_on_one_API_is_incomplete_with_the_permission_it_needs_and_exits_2_while_the_rest_is_checked()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        project.Run.AddService("projects/pax-demo/locations/us-east1/services/open", new Uri("https://open-abc123-ue.a.run.app"), invokerIamDisabled: true);
        project.Scheduler.Deny("projects/pax-demo/locations/us-east1", "cloudscheduler.jobs.list");

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("cloudscheduler.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Equal("us-east1", gap.GetProperty("location").GetString());
        Assert.Contains("cloudscheduler.jobs.list (roles/cloudscheduler.viewer)", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("403 PERMISSION_DENIED", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var warning = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("PAX101", warning.GetProperty("id").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("checked").GetProperty("schedulerJobs").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("checked").GetProperty("pushSubscriptions").GetInt32());
    }

    [Theory]
    [InlineData("eventarc.googleapis.com", "eventarc.triggers.list (roles/eventarc.viewer)")]
    [InlineData("cloudfunctions.googleapis.com", "cloudfunctions.functions.list (roles/cloudfunctions.viewer)")]
    public async Task A_403_on_the_Eventarc_or_Functions_list_is_incomplete_with_the_role_it_needs(string api, string needs)
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        if (api.StartsWith("eventarc", StringComparison.Ordinal))
        {
            project.Eventarc.Deny("projects/pax-demo/locations/us-east1", "eventarc.triggers.list");
        }
        else
        {
            project.Functions.Deny("projects/pax-demo/locations/us-east1", "cloudfunctions.functions.list");
        }

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal(api, gap.GetProperty("api").GetString());
        Assert.Equal("us-east1", gap.GetProperty("location").GetString());
        Assert.Contains("403 PERMISSION_DENIED", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(needs, gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task A_region_an_API_does_not_serve_is_incomplete_for_that_region_and_exits_2()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        project.Scheduler.UnknownLocation(DoctorProject.Project, "us-east1");

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("cloudscheduler.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Equal("us-east1", gap.GetProperty("location").GetString());
        Assert.Contains("is not a location of", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task A_disabled_API_is_incomplete_and_says_which_API_to_enable()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        project.PubSub.DisableApi(DoctorProject.Project);

        var (code, output, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("pubsub.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Equal("global", gap.GetProperty("location").GetString());
        Assert.Contains("gcloud services enable pubsub.googleapis.com", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_finding_wins_over_an_incomplete_check()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedBroken();
        project.PubSub.DisableApi(DoctorProject.Project);

        var (code, _, _) = await project.RunAsync(JsonArgs);

        Assert.Equal(1, code); // PAX001 on the Scheduler job is still found.
    }

    [Fact]
    public async Task Json_document_has_exactly_the_contract_fields()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedBroken();
        project.Scheduler.Deny("projects/pax-demo/locations/us-east1", "cloudscheduler.jobs.list");

        var (_, output, _) = await project.RunAsync(JsonArgs);

        using var json = JsonDocument.Parse(output);
        Assert.Equal(["project", "findings", "incomplete", "checked"], Names(json.RootElement));
        Assert.Equal(DoctorProject.Project, json.RootElement.GetProperty("project").GetString());
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(["id", "severity", "resource", "target", "member", "message", "fix", "evidence"], Names(f)));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(JsonValueKind.Array, f.GetProperty("evidence").ValueKind));
        Assert.All(json.RootElement.GetProperty("incomplete").EnumerateArray(), i => Assert.Equal(["api", "location", "reason"], Names(i)));
        Assert.NotEmpty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.NotEmpty(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("checked").ValueKind);
    }

    [Fact]
    public async Task Table_groups_findings_by_severity_with_their_fixes()
    {
        await using var project = await DoctorProject.StartAsync();
        project.SeedBroken();

        var (code, output, _) = await project.RunAsync("doctor", "--project", DoctorProject.Project, "--region", DoctorProject.Region);

        Assert.Equal(1, code);
        var errors = output.IndexOf("errors (3)", StringComparison.Ordinal);
        var warnings = output.IndexOf("warnings (1)", StringComparison.Ordinal);
        Assert.True(errors >= 0 && warnings > errors, output);
        Assert.Contains("PAX001", output, StringComparison.Ordinal);
        Assert.Contains("fix: gcloud run services add-iam-policy-binding orchestrator", output, StringComparison.Ordinal);
        Assert.Contains("0 Cloud Function(s) in 1 region(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_nothing_is_read_and_the_report_says_how_to_log_in()
    {
        await using var project = await DoctorProject.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Cloud Functions is not overridden: its endpoint is Google's, so a token is needed before anything is read.
        var console = new ToolConsole(output, error, name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDFUNCTIONS" ? null : project.Environment(name), IsTerminal: false, TextReader.Null);
        var code = await PaxApp.RunAsync(JsonArgs, console, TestContext.Current.CancellationToken, services => services.AddSingleton<IGoogleAccessTokenProvider>(new NoCredentials()));

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output.ToString());
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("credentials", gap.GetProperty("api").GetString());
        Assert.Contains("gcloud auth application-default login", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(project.Scheduler.Requests);
        Assert.Empty(project.Run.Requests);
    }

    [Theory]
    [InlineData("doctor", "--region", "us-east1")]
    [InlineData("doctor", "--project", "pax-demo")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "us-east1", "--format", "yaml")]
    [InlineData("doctor", "--project", "Not_A_Project", "--region", "us-east1")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "useast1")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "us-east1", "--yes")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "us-east1", "--timeout", "0")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "us-east1", "--timeout", "soon")]
    [InlineData("doctor", "--project", "pax-demo", "--region", "us-east1", "--timeout", "2h")]
    public async Task Usage_mistakes_exit_64_with_one_error_line_and_read_nothing(params string[] args)
    {
        await using var project = await DoctorProject.StartAsync();

        var (code, output, error) = await project.RunAsync(args);

        Assert.Equal(64, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Empty(project.Scheduler.Requests);
    }

    [Fact]
    public async Task A_malformed_endpoint_override_is_a_usage_error_naming_the_variable()
    {
        await using var project = await DoctorProject.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" ? "run.googleapis.com" : project.Environment(name), IsTerminal: false, TextReader.Null);

        var code = await PaxApp.RunAsync(JsonArgs, console, TestContext.Current.CancellationToken);

        Assert.Equal(64, code);
        Assert.StartsWith("error: CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN 'run.googleapis.com'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Empty(project.Scheduler.Requests);
    }

    private sealed class NoCredentials : IGoogleAccessTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Your default credentials were not found.");
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
