using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

public sealed class DoctorFixTests
{
    private static readonly string[] FixJson = ["doctor", "--project", Project, "--region", Region, "--format", "json", "--fix", "--yes"];
    private static readonly string[] Check = ["doctor", "--project", Project, "--region", Region, "--format", "json"];

    [Fact]
    public async Task Fix_yes_applies_the_invoker_grants_and_the_token_switch_and_a_second_run_no_longer_reports_them()
    {
        await using var project = await StartAsync();
        project.SeedBroken();

        var (code, output, error) = await project.RunAsync(FixJson);

        Assert.Contains("fix plan: 3 change(s)", error, StringComparison.Ordinal);
        Assert.Equal(0, code); // what remains is the PAX101 warning, which --fix never touches.
        Assert.Equal(["PAX101"], Ids(output));
        var target = project.Scheduler.GetJob("projects/pax-demo/locations/us-east1/jobs/pax-collector-every-30-min")!["httpTarget"]!.AsObject();
        Assert.Equal(SchedulerAccount, (string?)target["oauthToken"]!["serviceAccountEmail"]);
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", (string?)target["oauthToken"]!["scope"]);
        Assert.False(target.ContainsKey("oidcToken"));
        Assert.Equal(RunJobUrl, (string?)target["uri"]);
        Assert.Equal(
            [$"serviceAccount:{EventarcAccount}", $"serviceAccount:{PushAccount}"],
            Members(project.Run.GetPolicy(Orchestrator), "roles/run.invoker").Order(StringComparer.Ordinal));
        Assert.Equal(["allUsers"], Members(project.Run.GetPolicy(PublicService), "roles/run.invoker"));

        var (again, second, _) = await project.RunAsync(Check);

        Assert.Equal(0, again);
        Assert.Equal(["PAX101"], Ids(second));
    }

    [Fact]
    public async Task A_grant_that_meets_a_concurrent_policy_change_re_reads_and_keeps_the_other_writers_binding()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        project.Run.InterleaveChange(Orchestrator, policy => policy["bindings"] = new JsonArray(new JsonObject
        {
            ["role"] = "roles/run.viewer",
            ["members"] = new JsonArray("user:ops@example.com"),
        }));

        // No waiting between attempts: the 409 ABORTED is answered at once and the retry delay is zero.
        var (code, _, _) = await project.RunWithAsync(string.Empty, services => services.Configure<GoogleCloud.GoogleCloudOptions>(o =>
        {
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        }), FixJson);

        Assert.Equal(0, code);
        var policy = project.Run.GetPolicy(Orchestrator);
        Assert.Equal(["user:ops@example.com"], Members(policy, "roles/run.viewer"));
        Assert.Equal(2, Members(policy, "roles/run.invoker").Count());
        Assert.Equal(3, project.Run.Requests.Count(r => r.Path == $"/v2/{Orchestrator}:setIamPolicy"));
    }

    [Fact]
    public async Task Fix_switches_OAuth_to_OIDC_with_the_service_URL_as_audience()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddService(Orchestrator, OrchestratorUrl, Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        var job = HttpJob("tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oauthAccount: SchedulerAccount, attemptDeadline: "300s");
        job["httpTarget"]!["headers"] = new JsonObject { ["X-Pax"] = "tick" };
        project.Scheduler.AddJob(job);

        var (code, output, _) = await project.RunAsync(FixJson);

        Assert.Equal(0, code);
        Assert.Empty(Ids(output));
        var target = project.Scheduler.GetJob("projects/pax-demo/locations/us-east1/jobs/tick")!["httpTarget"]!.AsObject();
        Assert.Equal("https://orchestrator-abc123-ue.a.run.app", (string?)target["oidcToken"]!["audience"]);
        Assert.False(target.ContainsKey("oauthToken"));
        Assert.Equal("tick", (string?)target["headers"]!["X-Pax"]);
        var patch = Assert.Single(project.Scheduler.Requests, r => r.Method == "PATCH");
        Assert.Equal("httpTarget", patch.Query["updateMask"]);
    }

    [Fact]
    public async Task Fix_asks_first_and_a_no_changes_nothing()
    {
        await using var project = await StartAsync();
        project.SeedBroken();

        var (code, output, _) = await project.RunWithInputAsync("n\n", "doctor", "--project", Project, "--region", Region, "--fix");

        Assert.Equal(1, code);
        Assert.Contains("Apply 3 change(s)? [y/N] nothing changed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Run.Requests, r => r.Path.EndsWith(":setIamPolicy", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Scheduler.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Fix_applies_after_a_yes()
    {
        await using var project = await StartAsync();
        project.SeedBroken();

        var (code, output, _) = await project.RunWithInputAsync("y\n", "doctor", "--project", Project, "--region", Region, "--fix");

        Assert.Equal(0, code);
        Assert.Contains($"done: grant roles/run.invoker to serviceAccount:{PushAccount} on {Orchestrator}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_that_need_a_decision_are_left_alone()
    {
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy());
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.PubSub.AddSubscription(PushSubscription("no-token", new Uri(OrchestratorUrl, "/pubsub"), account: null, deadLetter: true));

        var (code, output, error) = await project.RunAsync(FixJson);

        Assert.Equal(1, code);
        Assert.Equal(["PAX004"], Ids(output));
        Assert.Contains("fix plan: 0 change(s); 1 finding(s) need a decision", error, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Run.Requests, r => r.Path.EndsWith(":setIamPolicy", StringComparison.Ordinal));
    }

    private static string[] Ids(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToArray();
    }

    private static IEnumerable<string> Members(JsonObject policy, string role) =>
        policy["bindings"]!.AsArray().Where(b => (string?)b!["role"] == role).SelectMany(b => b!["members"]!.AsArray().Select(m => (string)m!)).ToArray();
}
