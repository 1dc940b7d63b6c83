using System.Text.Json;
using Pax.TestSupport.CloudRun;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>Item 5 of issue 26: the checks users hit (PAX103-PAX106), each against its correct twin.</summary>
public sealed class DoctorDeliveryRuleTests
{
    private const string Tick = "projects/pax-demo/locations/us-east1/jobs/tick";
    private const string Push = "projects/pax-demo/subscriptions/completions-push";

    [Fact]
    public async Task PAX103_a_Scheduler_audience_that_is_not_the_service_URL_is_an_error_that_fix_corrects()
    {
        await using var project = await WithOrchestrator();
        project.Scheduler.AddJob(HttpJob("tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oidcAccount: SchedulerAccount, oidcAudience: "https://pax-orchestrator.example.com", attemptDeadline: "300s"));

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(1, code);
        var finding = Assert.Single(Findings(report));
        Assert.Equal(("PAX103", "error", Tick, Orchestrator), (Id(finding), finding.GetProperty("severity").GetString(), Resource(finding), finding.GetProperty("target").GetString()));
        Assert.Contains("audience 'https://pax-orchestrator.example.com'", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"--oidc-service-account-email={SchedulerAccount} --oidc-token-audience=https://orchestrator-abc123-ue.a.run.app", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);

        var (fixedCode, fixedReport, _) = await project.ReportAsync("--fix", "--yes");

        Assert.Equal(0, fixedCode);
        Assert.Empty(Findings(fixedReport));
        Assert.Equal("https://orchestrator-abc123-ue.a.run.app", (string?)project.Scheduler.GetJob(Tick)!["httpTarget"]!["oidcToken"]!["audience"]);
    }

    [Theory]
    [InlineData("https://orchestrator-abc123-ue.a.run.app")]
    [InlineData("https://orchestrator-abc123-ue.a.run.app/cron/tick")]
    [InlineData("pax-orchestrator")]
    [InlineData(null)]
    public async Task PAX103_silent_for_the_service_URL_its_paths_a_custom_audience_or_the_default(string? audience)
    {
        await using var project = await WithOrchestrator(new FakeServiceTemplate { CustomAudiences = ["pax-orchestrator"] });
        project.Scheduler.AddJob(HttpJob("tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oidcAccount: SchedulerAccount, oidcAudience: audience, attemptDeadline: "300s"));

        Assert.Empty(Findings((await project.ReportAsync()).Report));
    }

    [Fact]
    public async Task PAX103_on_a_push_subscription_whose_audience_names_another_host()
    {
        await using var project = await WithOrchestrator();
        var push = PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true);
        push["pushConfig"]!["oidcToken"]!["audience"] = "https://other-abc123-ue.a.run.app";
        project.PubSub.AddSubscription(push);
        project.PubSub.AddSubscription(PushSubscription("completions-push-ok", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true));

        var finding = Assert.Single(Findings((await project.ReportAsync()).Report));

        Assert.Equal(("PAX103", Push), (Id(finding), Resource(finding)));
        Assert.Equal( // gcloud: "When updating PushConfig flags, all PushConfig flags must be specified".
            $"gcloud pubsub subscriptions update completions-push --project=pax-demo --push-endpoint=https://orchestrator-abc123-ue.a.run.app/pubsub --push-auth-service-account={SchedulerAccount} --push-auth-token-audience=https://orchestrator-abc123-ue.a.run.app",
            finding.GetProperty("fix").GetString());
    }

    [Theory]
    [InlineData("180s", "300s", true)]
    [InlineData(null, "300s", true)] // Scheduler's default attempt deadline for HTTP targets is 3 minutes.
    [InlineData("300s", "300s", false)]
    [InlineData("1800s", "3600s", false)] // the longest attempt deadline Scheduler allows.
    [InlineData("60s", "30s", false)]
    public async Task PAX104_a_Scheduler_attempt_deadline_shorter_than_the_service_request_timeout(string? deadline, string timeout, bool reported)
    {
        await using var project = await WithOrchestrator(new FakeServiceTemplate { Timeout = timeout });
        var job = HttpJob("tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oidcAccount: SchedulerAccount, attemptDeadline: deadline);
        project.Scheduler.AddJob(job);

        var findings = Findings((await project.ReportAsync()).Report);

        if (!reported)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(("PAX104", "warning", Tick), (Id(finding), finding.GetProperty("severity").GetString(), Resource(finding)));
        Assert.Contains("gives up after 180 s", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("--attempt-deadline=300s", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30", 10, true)]
    [InlineData("00:00:30", 30, false)]
    [InlineData(null, 10, false)] // the intake's default budget is Pub/Sub's default ack deadline, 10 s.
    [InlineData(null, 60, false)]
    public async Task PAX105_a_push_into_an_orchestrator_whose_ack_deadline_is_shorter_than_its_intake_budget(string? intake, int ackDeadline, bool reported)
    {
        var env = new Dictionary<string, string> { ["Pax__Orchestration__Store"] = "Firestore" };
        if (intake is not null)
        {
            env["Pax__Orchestration__Push__AckDeadline"] = intake;
        }

        await using var project = await WithOrchestrator(new FakeServiceTemplate { Env = env });
        var push = PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true);
        push["ackDeadlineSeconds"] = ackDeadline;
        project.PubSub.AddSubscription(push);

        var findings = Findings((await project.ReportAsync()).Report);

        if (!reported)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(("PAX105", "warning", Push), (Id(finding), finding.GetProperty("severity").GetString(), Resource(finding)));
        Assert.Contains("Pub/Sub waits 10 s", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("--ack-deadline=30", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PAX__ORCHESTRATION__PUSH__ACKDEADLINE")]
    [InlineData("pax__orchestration__push__ackdeadline")]
    [InlineData("Pax:Orchestration:Push:AckDeadline")]
    [InlineData("PAX__Orchestration:push__AckDeadline")]
    public async Task PAX105_reads_the_intake_budget_as_NET_configuration_does_case_insensitive_with_colon_or_double_underscore(string name)
    {
        // The environment-variables configuration provider: keys are case-insensitive and '__' stands for ':'.
        await using var project = await WithOrchestrator(new FakeServiceTemplate { Env = new Dictionary<string, string> { [name] = "00:00:30" } });
        var push = PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true);
        push["ackDeadlineSeconds"] = 10;
        project.PubSub.AddSubscription(push);

        var finding = Assert.Single(Findings((await project.ReportAsync()).Report));

        Assert.Equal(("PAX105", Push), (Id(finding), Resource(finding)));
        Assert.EndsWith("--ack-deadline=30", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PAX105_not_for_a_service_that_is_no_Pax_orchestrator()
    {
        await using var project = await WithOrchestrator(new FakeServiceTemplate { Env = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://+:8080" } });
        var push = PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true);
        push["ackDeadlineSeconds"] = 10;
        project.PubSub.AddSubscription(push);

        Assert.Empty(Findings((await project.ReportAsync()).Report));
    }

    [Fact]
    public async Task PAX106_a_push_subscription_without_a_dead_letter_policy_and_not_one_with()
    {
        await using var project = await WithOrchestrator();
        project.PubSub.AddSubscription(PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: false));
        project.PubSub.AddSubscription(PushSubscription("completions-push-dlq", new Uri(OrchestratorUrl, "/pubsub"), SchedulerAccount, deadLetter: true));
        project.PubSub.AddSubscription(PullSubscription("completions-pull"));

        var finding = Assert.Single(Findings((await project.ReportAsync()).Report));

        Assert.Equal(("PAX106", "warning", Push), (Id(finding), finding.GetProperty("severity").GetString(), Resource(finding)));
        // The whole of Google's dead-letter setup (cloud.google.com/pubsub/docs/handling-failures): a topic, a subscription
        // on it ("messages published to a topic with no subscriptions are lost"), the Pub/Sub service agent's grants, then the policy.
        const string Agent = "--member=\"serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com\"";
        Assert.Equal(
            [
                "PROJECT_NUMBER=\"$(gcloud projects describe pax-demo --format='value(projectNumber)')\" &&",
                "gcloud pubsub topics create completions-push-dead-letter --project=pax-demo &&",
                "gcloud pubsub subscriptions create completions-push-dead-letter --project=pax-demo --topic=completions-push-dead-letter &&",
                $"gcloud pubsub topics add-iam-policy-binding completions-push-dead-letter --project=pax-demo {Agent} --role=roles/pubsub.publisher &&",
                $"gcloud pubsub subscriptions add-iam-policy-binding completions-push --project=pax-demo {Agent} --role=roles/pubsub.subscriber &&",
                "gcloud pubsub subscriptions update completions-push --project=pax-demo --dead-letter-topic=completions-push-dead-letter --max-delivery-attempts=5",
            ],
            finding.GetProperty("fix").GetString()!.Split('\n'));

        // It creates resources and grants a Google-managed account: a decision, so --fix applies none of it (never half of it).
        var (_, _, plan) = await project.ReportAsync("--fix", "--yes");
        Assert.Contains("fix plan: 0 change(s); 1 finding(s) need a decision", plan, StringComparison.Ordinal);
        Assert.Contains("No dead-letter policy", Assert.Single(finding.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.StartsWith("No dead", StringComparison.Ordinal)).GetString(), StringComparison.Ordinal);
    }

    private static async Task<DoctorProject> WithOrchestrator(FakeServiceTemplate? template = null)
    {
        var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        project.Run.AddService(Orchestrator, OrchestratorUrl, template: template);
        return project;
    }

    private static JsonElement[] Findings(JsonElement report) => [.. report.GetProperty("findings").EnumerateArray()];

    private static string? Id(JsonElement finding) => finding.GetProperty("id").GetString();

    private static string? Resource(JsonElement finding) => finding.GetProperty("resource").GetString();
}
