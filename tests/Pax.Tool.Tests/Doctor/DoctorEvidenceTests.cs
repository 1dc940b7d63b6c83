using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.TestSupport.CloudRun;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// Item 4 of issue 26: what the live project saw — a Scheduler job's last attempt, a push subscription's answers and
/// backlog (Cloud Monitoring), a job's executions — beside each finding, and PAX102 for a failing resource whose
/// configuration has no finding.
/// </summary>
public sealed class DoctorEvidenceTests
{
    private const string CollectorTrigger = "projects/pax-demo/locations/us-east1/jobs/pax-collector-every-30-min";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task A_finding_carries_the_last_attempt_that_proves_it_in_json_and_in_the_table()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        project.Scheduler.RecordAttempt(CollectorTrigger, 16, "HTTP 401: Request had invalid authentication credentials.", Now.AddMinutes(-12));

        // The doctor's clock stands still, so the age reads "12 min" in every run: with the real clock a slow run read
        // "12 min 1 s", and the longer cell wrapped the table's text differently.
        var time = new FakeTimeProvider(Now);
        var (_, json, _) = await project.RunWithAsync(string.Empty, s => s.AddSingleton<TimeProvider>(time), "doctor", "--project", Project, "--region", Region, "--format", "json");
        using var document = JsonDocument.Parse(json);
        var report = document.RootElement;
        var (_, table, _) = await project.RunWithAsync(string.Empty, s => s.AddSingleton<TimeProvider>(time), "doctor", "--project", Project, "--region", Region);

        var finding = Finding(report, "PAX001", CollectorTrigger);
        var evidence = finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, evidence.Length); // the job's last attempt, then what it calls: the Cloud Run job's executions.
        Assert.StartsWith("Last attempt ", evidence[0], StringComparison.Ordinal);
        Assert.StartsWith("No execution listed", evidence[1], StringComparison.Ordinal);
        Assert.Contains("(12 min ago) failed with UNAUTHENTICATED (16): HTTP 401: Request had invalid authentication credentials.", evidence[0], StringComparison.Ordinal);
        Assert.Contains("seen: Last attempt", table, StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED (16)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correctly_configured_Scheduler_job_whose_last_attempt_failed_is_PAX102_with_that_evidence()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Scheduler.RecordAttempt("projects/pax-demo/locations/us-east1/jobs/pax-tick", 13, "HTTP 500", Now.AddHours(-2));

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code); // a warning
        var finding = Finding(report, "PAX102", "projects/pax-demo/locations/us-east1/jobs/pax-tick");
        Assert.Equal(("warning", Orchestrator), (finding.GetProperty("severity").GetString(), finding.GetProperty("target").GetString()));
        Assert.Contains("failed with INTERNAL (13)", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("gcloud logging read 'resource.type=\"cloud_scheduler_job\" AND resource.labels.job_id=\"pax-tick\"", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_subscription_whose_endpoint_answers_403_is_PAX102_with_the_counts_of_the_last_24_hours()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Monitoring.AddPushRequests(Project, "completions-push", "permission_denied", 1_204, Now.AddHours(-3));
        project.Monitoring.AddPushRequests(Project, "completions-push", "success", 3, Now.AddHours(-30)); // a day and more ago: not counted.
        project.Monitoring.AddPushRequests(Project, "completions-push-dev", "success", 40, Now.AddHours(-1));

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX102", "projects/pax-demo/subscriptions/completions-push"), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        Assert.Contains("answered 1,204 of 1,204 push requests of the last 24 h with an error (mostly permission_denied)", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["Push requests in the last 24 h: 1,204 permission_denied.", "oldest_unacked_message_age has no data in the last 24 h.", "Dead-letter topic projects/pax-demo/topics/completions-push-dead-letter after 5 delivery attempts."],
            finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("resource.labels.service_name=\"orchestrator\" AND httpRequest.status>=400", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 0, false)] // every push refused, but fewer than 10: a store blip the orchestrator answered 503 on purpose
    [InlineData(10, 0, true)]
    [InlineData(50, 950, false)] // 5 % refused: not more than the 5 % a healthy intake may nack
    [InlineData(51, 949, true)]
    public async Task A_push_subscription_is_PAX102_only_past_10_refused_pushes_that_are_more_than_5_percent(int refused, int succeeded, bool reported)
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Monitoring.AddPushRequests(Project, "completions-push", "unavailable", refused, Now.AddHours(-2));
        project.Monitoring.AddPushRequests(Project, "completions-push", "success", succeeded, Now.AddHours(-1));

        var (_, report, _) = await project.ReportAsync();

        var findings = report.GetProperty("findings").EnumerateArray().ToArray();
        if (!reported)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(("PAX102", "projects/pax-demo/subscriptions/completions-push"), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        Assert.Contains($"answered {refused} of {(refused + succeeded).ToString("#,0", CultureInfo.InvariantCulture)} push requests of the last 24 h with an error (mostly unavailable)", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_Monitoring_values_huge_or_negative_are_read_as_evidence_and_never_crash_the_doctor()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Monitoring.AddPushRequests(Project, "completions-push", "success", long.MaxValue, Now.AddHours(-2));
        project.Monitoring.AddPushRequests(Project, "completions-push", "internal", long.MaxValue, Now.AddHours(-1));
        project.Monitoring.AddOldestUnackedAgeSeconds(Project, "completions-push", 60, Now.AddHours(-20));
        project.Monitoring.AddOldestUnackedAgeSeconds(Project, "completions-push", long.MaxValue, Now.AddMinutes(-2));
        project.Monitoring.AddPushRequests(Project, "completions-push-dev", "internal", -50, Now.AddHours(-1));
        project.Monitoring.AddPushRequests(Project, "completions-push-dev", "success", 10, Now.AddHours(-1));
        project.Monitoring.AddOldestUnackedAgeSeconds(Project, "completions-push-dev", -30, Now.AddMinutes(-2));

        var (code, report, error) = await project.ReportAsync();

        Assert.Equal((0, string.Empty), (code, error));
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX102", "projects/pax-demo/subscriptions/completions-push"), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        var evidence = finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.StartsWith("Push requests in the last 24 h: 9,223,372,036,854,775,807 internal, 9,223,372,036,854,775,807 success.", evidence[0], StringComparison.Ordinal);
        Assert.StartsWith("Oldest unacknowledged message: 1 min old at ", evidence[1], StringComparison.Ordinal);
        Assert.Equal("oldest_unacked_message_age: 1 value(s) no message can have (below 0 s or above Pub/Sub's longest retention, 31 d) ignored.", evidence[2]);
        var (_, table, tableError) = await project.RunAsync("doctor", "--project", Project, "--region", Region);
        Assert.Equal(string.Empty, tableError);
        Assert.Contains("seen: Push requests in the last 24 h: 9,223,372,036,854,775,807 internal", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_growing_backlog_is_PAX102_and_a_small_steady_one_is_not()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Monitoring.AddOldestUnackedAge(Project, "completions-push", TimeSpan.FromHours(2), Now.AddHours(-20));
        project.Monitoring.AddOldestUnackedAge(Project, "completions-push", TimeSpan.FromHours(22), Now.AddMinutes(-2));
        project.Monitoring.AddOldestUnackedAge(Project, "completions-push-dev", TimeSpan.FromSeconds(4), Now.AddHours(-20));
        project.Monitoring.AddOldestUnackedAge(Project, "completions-push-dev", TimeSpan.FromSeconds(3), Now.AddMinutes(-2));

        var (_, report, _) = await project.ReportAsync();

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX102", "projects/pax-demo/subscriptions/completions-push"), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        Assert.Contains("oldest unacknowledged message is 22 h old and growing", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_latest_execution_failed_is_PAX102_and_one_that_recovered_is_not()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        const string Report = "projects/pax-demo/locations/us-east1/jobs/pax-report";
        project.Run.AddJob(Report);
        project.Run.AddExecution(Report, Now.AddHours(-3), FakeExecutionOutcome.Succeeded);
        project.Run.AddExecution(Report, Now.AddHours(-1), FakeExecutionOutcome.TaskFailed);
        project.Run.AddExecution(CollectorJob, Now.AddHours(-3), FakeExecutionOutcome.TaskFailed);
        project.Run.AddExecution(CollectorJob, Now.AddHours(-1), FakeExecutionOutcome.Succeeded);

        var (_, report, _) = await project.ReportAsync();

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX102", Report), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        Assert.Contains("its latest finished execution, pax-report-00002", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("failed (1 task(s) failed all their attempts)", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Latest 2 execution(s): 1 failed, 1 succeeded, 0 running", Assert.Single(finding.GetProperty("evidence").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal("gcloud run jobs executions describe pax-report-00002 --region=us-east1 --project=pax-demo", finding.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task A_job_whose_latest_execution_failed_before_any_task_ran_is_PAX102_from_its_Completed_condition()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Run.AddExecution(CollectorJob, Now.AddHours(-3), FakeExecutionOutcome.Succeeded);
        project.Run.AddExecution(CollectorJob, Now.AddHours(-1), FakeExecutionOutcome.FailedBeforeAnyTask); // no task count moves
        project.Run.AddExecution(CollectorJob, Now.AddMinutes(-2), FakeExecutionOutcome.Running);

        var (_, report, _) = await project.ReportAsync();

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX102", CollectorJob), (finding.GetProperty("id").GetString(), finding.GetProperty("resource").GetString()));
        Assert.Contains(
            "its latest finished execution, pax-collector-00002 (", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            "failed with no failed task (its Completed condition is CONDITION_FAILED: The execution failed before any task ran: its resources could not be provisioned.)",
            finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            "Latest 3 execution(s): 1 failed, 1 succeeded, 1 running; the latest, pax-collector-00003", Assert.Single(finding.GetProperty("evidence").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_monitoring_viewer_the_push_evidence_is_incomplete_and_the_configuration_checks_still_run()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        project.Monitoring.Deny(Project);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(1, code);
        Assert.Equal(4, report.GetProperty("findings").GetArrayLength());
        var gap = Assert.Single(report.GetProperty("incomplete").EnumerateArray());
        Assert.Equal(("monitoring.googleapis.com", "global"), (gap.GetProperty("api").GetString(), gap.GetProperty("location").GetString()));
        Assert.Contains("needs monitoring.timeSeries.list", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("(roles/monitoring.viewer)", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var push = Finding(report, "PAX002", "projects/pax-demo/subscriptions/completions-push");
        Assert.Equal(["Dead-letter topic projects/pax-demo/topics/completions-push-dead-letter after 5 delivery attempts."], push.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_healthy_project_has_no_PAX102()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.Scheduler.RecordAttempt("projects/pax-demo/locations/us-east1/jobs/pax-tick", 0, null, Now.AddMinutes(-1));
        project.Monitoring.AddPushRequests(Project, "completions-push", "success", 500, Now.AddHours(-1));
        project.Run.AddExecution(CollectorJob, Now.AddHours(-1), FakeExecutionOutcome.Succeeded);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.True(report.GetProperty("checked").GetProperty("liveEvidence").GetInt32() >= 5);
    }

    private static JsonElement Finding(JsonElement report, string id, string resource) =>
        Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == id && f.GetProperty("resource").GetString() == resource);
}
