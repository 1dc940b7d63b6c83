using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Tool.Doctor;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// Item 6 of issue 26: a doctor that always answers — lists capped, a total time budget (--timeout), progress on stderr
/// only on a terminal, and a --fix that reports an action it cannot take and goes on. The hostile APIs are the fakes':
/// no sleeping; the budget runs on a fake clock that the test moves once the read it wants cut is in flight, and the
/// timed tests carry a test timeout so that a hang fails instead of blocking the run.
/// </summary>
public sealed class DoctorAlwaysAnswersTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_list_whose_every_page_names_a_next_one_is_cut_and_reported_incomplete_while_the_rest_is_checked()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        project.PubSub.EndlessPages(Project);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(1, code); // the Scheduler job's PAX001 is still found.
        var gap = Assert.Single(report.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("pubsub.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Contains("the list was cut after 100 page(s)", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, project.PubSub.Requests.Count);
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "PAX001");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_API_that_never_answers_is_given_up_at_the_timeout_and_reported_incomplete()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        var held = project.Monitoring.NeverAnswer();

        var (code, report) = await ReportWhenTheBudgetRunsOutAsync(project, held, "0.5");

        Assert.Equal(1, code);
        Assert.Equal(4, report.GetProperty("findings").GetArrayLength());
        var gap = Assert.Single(report.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("monitoring.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Contains("did not answer within the --timeout of 0.5 s", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_API_that_answers_500_is_retried_only_within_the_timeout()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        var failed = project.Monitoring.FailWith(500, "INTERNAL"); // the retry then waits on the same clock as the budget

        var (code, report) = await ReportWhenTheBudgetRunsOutAsync(project, failed, "1");

        Assert.Equal(1, code);
        var gap = Assert.Single(report.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("monitoring.googleapis.com", gap.GetProperty("api").GetString());
        Assert.Contains("did not answer within the --timeout of 1 s", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Reads_that_could_not_start_before_the_timeout_are_listed_as_not_read()
    {
        await using var project = await StartAsync();
        project.SeedBroken();
        var held = project.Run.NeverAnswerServiceLists(); // held until the budget runs out: the job list and the Monitoring reads never start.

        var (code, report) = await ReportWhenTheBudgetRunsOutAsync(project, held, "0.5");

        Assert.Equal(1, code); // the Scheduler job's PAX001 needs no Cloud Run read.
        var reasons = report.GetProperty("incomplete").EnumerateArray().Select(g => g.GetProperty("reason").GetString()!).ToArray();
        Assert.Contains(reasons, r => r.Contains("did not answer within the --timeout of 0.5 s: run.services.list", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("The --timeout of 0.5 s ran out before", StringComparison.Ordinal) && r.Contains("run.jobs.list", StringComparison.Ordinal));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("jobs list")] // the budget runs out before projects.get starts
    [InlineData("projects.get")] // … or while it is in flight
    public async Task When_the_budget_runs_out_before_the_ancestry_is_read_the_cant_tell_warning_says_so_not_a_missing_role(string heldRead)
    {
        await using var project = await StartAsync();
        project.SeedBroken(); // the push account holds no invoker role: a folder or the organization might grant one.
        var held = heldRead == "projects.get" ? project.ResourceManager.NeverAnswer($"projects/{Project}") : project.Run.NeverAnswerJobLists();

        var (_, report) = await ReportWhenTheBudgetRunsOutAsync(project, held, "0.5");

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "PAX002" && f.GetProperty("resource").GetString() == "projects/pax-demo/subscriptions/completions-push");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains("the project's parent (resourcemanager.projects.get on pax-demo, the --timeout of 0.5 s ran out first) could not be read", message, StringComparison.Ordinal);
        Assert.DoesNotContain("roles/browser", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_goes_to_stderr_only_when_it_is_a_terminal()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        using var output = new StringWriter();
        using var terminal = new StringWriter();
        var console = new ToolConsole(output, terminal, project.Environment, IsTerminal: false, TextReader.Null) { ErrorIsTerminal = true };

        var code = await PaxApp.RunAsync(["doctor", "--project", Project, "--region", Region, "--format", "json"], console, TestContext.Current.CancellationToken);
        var (_, _, piped) = await project.RunAsync("doctor", "--project", Project, "--region", Region, "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("pax doctor: reading cloudscheduler.jobs.list (us-east1)", terminal.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", terminal.ToString(), StringComparison.Ordinal); // the status line is cleared before the report.
        Assert.Equal(string.Empty, piped);
        Assert.StartsWith("{", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_reports_an_action_it_cannot_take_with_its_reason_and_applies_the_others()
    {
        // A Google-managed service account the API returns but Pax's client refuses to write into a job (its pattern
        // knows user-managed, Compute, App Engine and Cloud Build accounts).
        const string Agent = "123456789012@cloudservices.gserviceaccount.com";
        await using var project = await StartAsync();
        project.SeedBroken();
        project.Scheduler.AddJob(HttpJob("agent-run", RunJobUrl, oidcAccount: Agent));

        var (code, report, error) = await project.ReportAsync("--fix", "--yes");

        Assert.Contains("FAILED: make projects/pax-demo/locations/us-east1/jobs/agent-run send an OAuth token of " + Agent, error, StringComparison.Ordinal);
        Assert.Contains("is not a service account email", error, StringComparison.Ordinal);
        Assert.Contains($"done: grant roles/run.invoker to serviceAccount:{PushAccount} on {Orchestrator}", error, StringComparison.Ordinal);
        Assert.Equal(1, code); // what could not be fixed is still reported.
        Assert.Equal(["PAX001", "PAX002", "PAX101"], report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_error_line_and_exit_code_70_never_a_stack_trace()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();

        var (code, output, error) = await project.RunWithAsync(
            string.Empty, services => services.AddSingleton<TimeProvider>(new BrokenClock()), "doctor", "--project", Project, "--region", Region, "--format", "json");

        Assert.Equal(70, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: pax stopped on an unexpected InvalidOperationException: the clock is broken", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <c>pax doctor --format json --timeout {timeout}</c> on a fake clock, waits until <paramref name="landed"/> (a
    /// read is held, or was answered with an error whose retry now waits on that clock), then lets exactly the budget
    /// pass: what runs out is decided by the test, never by how loaded the machine is.
    /// </summary>
    private static async Task<(int Code, JsonElement Report)> ReportWhenTheBudgetRunsOutAsync(DoctorProject project, Task landed, string timeout)
    {
        var time = new FakeTimeProvider();
        var run = project.RunWithAsync(string.Empty, services => services.AddSingleton<TimeProvider>(time), "doctor", "--project", Project, "--region", Region, "--format", "json", "--timeout", timeout);
        Assert.Same(landed, await Task.WhenAny(landed, run)); // the doctor did not end before the read landed
        time.Advance(DoctorCommand.ParseTimeout(timeout)!.Value);
        var (code, output, _) = await run;
        using var json = JsonDocument.Parse(output);
        return (code, json.RootElement.Clone());
    }

    /// <summary>A clock that fails when read: a fault nothing in pax expects.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("the clock is broken\nsecond line");
    }
}
