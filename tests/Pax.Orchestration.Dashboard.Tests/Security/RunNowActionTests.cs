using System.Net;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>"Run now" for a recurring job: only with <c>AllowActions</c>, with the form's antiforgery token, audited like the other actions.</summary>
public sealed class RunNowActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_actions_off_run_now_is_refused_with_403_and_the_job_stays_as_scheduled()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();
        var job = await server.Jobs.GetAsync("nightly-export", Ct);

        var response = await server.Client.PostAsync($"/pax/actions/jobs/nightly-export/run?version={job!.Version}", new FormUrlEncodedContent([]), Ct);
        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(job.ScheduleAt, (await server.Jobs.GetAsync("nightly-export", Ct))!.ScheduleAt);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4303 && r.Message.StartsWith("Dashboard action run_job on nightly-export", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("form[method=post] button")); // the search and filter forms (GET) stay
    }

    [Fact]
    public async Task Without_the_antiforgery_token_run_now_is_400()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var job = await server.Jobs.GetAsync("nightly-export", Ct);

        var response = await server.Client.PostAsync($"/pax/actions/jobs/nightly-export/run?version={job!.Version}", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(job.ScheduleAt, (await server.Jobs.GetAsync("nightly-export", Ct))!.ScheduleAt);
    }

    [Fact]
    public async Task Run_now_makes_a_recurring_job_due_now_keeps_its_schedule_and_is_audited()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("button")!.GetAttribute("aria-label") == "Run job nightly-export now");

        var response = await DashboardForms.PostWithTokenAsync(server, form.GetAttribute("action")!);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/pax/jobs?result=run_job", response.Headers.Location!.OriginalString);
        var job = await server.Jobs.GetAsync("nightly-export", Ct);
        Assert.Equal((ScheduledJobStatus.Pending, 0, server.Time.GetUtcNow(), "0 2 * * *"), (job!.Status, job.Attempts, job.ScheduleAt, job.Cron));
        var audit = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Id == 4302);
        Assert.Equal("Dashboard action run_job on nightly-export by anonymous (Pax:Dashboard:Authentication:Mode=None): job 'nightly-export' is due now (run now); the next tick runs it", audit.Message);
    }

    [Fact]
    public async Task Run_now_is_offered_for_recurring_jobs_at_rest_only_and_refused_with_409_otherwise()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");
        var oneOff = await server.Jobs.GetAsync("send-report", Ct);

        var response = await DashboardForms.PostWithTokenAsync(server, $"/pax/actions/jobs/send-report/run?version={oneOff!.Version}");

        Assert.Equal(["Run job nightly-export now"], page.QuerySelectorAll("form[method=post] button").Select(b => b.GetAttribute("aria-label")).Where(l => l!.StartsWith("Run job", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ScheduledJobStatus.Failed, (await server.Jobs.GetAsync("send-report", Ct))!.Status);
    }
}
