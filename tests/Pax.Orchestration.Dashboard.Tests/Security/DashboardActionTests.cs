using System.Net;
using AngleSharp.Dom;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>Actions: POST with antiforgery, only with <c>AllowActions</c>, audited.</summary>
public sealed class DashboardActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_actions_off_a_POST_is_403_and_nothing_changes()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();
        var job = await server.Jobs.GetAsync("send-report", Ct);

        var response = await server.Client.PostAsync($"/pax/actions/jobs/send-report/delete?version={job!.Version}", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await server.Jobs.GetAsync("send-report", Ct));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4303 && r.Message.Contains("actions are disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_antiforgery_token_a_POST_is_400_and_nothing_changes()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var job = await server.Jobs.GetAsync("send-report", Ct);

        var response = await server.Client.PostAsync($"/pax/actions/jobs/send-report/delete?version={job!.Version}", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await server.Jobs.GetAsync("send-report", Ct));
    }

    [Fact]
    public async Task An_allowed_principal_retries_a_failed_job_from_its_form_and_the_action_is_audited()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();

        var response = await SubmitAsync(server, "/pax/jobs", "Retry job send-report");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/pax/jobs?result=retry_job", response.Headers.Location!.OriginalString);
        var job = await server.Jobs.GetAsync("send-report", Ct);
        Assert.Equal((ScheduledJobStatus.Pending, 0, server.Time.GetUtcNow()), (job!.Status, job.Attempts, job.ScheduleAt));
        var audit = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Id == 4302);
        Assert.Equal("Dashboard action retry_job on send-report by anonymous (Pax:Dashboard:Authentication:Mode=None): job 'send-report' is pending again, due now", audit.Message);
    }

    [Fact]
    public async Task The_status_line_shows_only_the_dashboard_s_own_sentences_never_text_from_the_link()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();

        var known = await server.Client.GetStringAsync("/pax/jobs?result=retry_job", Ct);
        var crafted = await server.Client.GetStringAsync("/pax/jobs?result=" + Uri.EscapeDataString("Your session expired: sign in at evil.example"), Ct);

        Assert.Contains("<p role=\"status\">Job retried: it is pending again, due now.</p>", known, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"status\"", crafted, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", crafted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_the_job_shown_and_refuses_one_that_changed_since()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var (page, cookie) = await PageAsync(server, "/pax/jobs");
        var stale = Form(page, "Delete job reindex");
        var current = await server.Jobs.GetAsync("reindex", Ct);
        await server.Jobs.TryReplaceAsync(current! with { LastError = "changed" }, Ct);

        var deleted = await PostAsync(server, Form(page, "Delete job one-off"), cookie);
        var refused = await PostAsync(server, stale, cookie);

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Null(await server.Jobs.GetAsync("one-off", Ct));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.NotNull(await server.Jobs.GetAsync("reindex", Ct));
    }

    [Fact]
    public async Task Re_drive_of_a_claim_whose_lease_ended_fires_the_trigger_once_and_marks_it_triggered()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();
        var before = server.Trigger.Calls.Count;

        var response = await SubmitAsync(server, "/pax/phases/process/run-2", "Re-drive process/run-2");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/pax/phases/process/run-2?result=redrive-Triggered", response.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, server.Trigger.Calls.Count);
        var tally = await server.Tally.GetStatusAsync("process", "run-2", Ct);
        Assert.Equal(TallyTriggerState.Triggered, tally!.State);
    }

    [Fact]
    public async Task Re_drive_while_another_instance_holds_a_live_lease_answers_ClaimedElsewhere_and_fires_nothing()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        server.Trigger.Fail = true;
        await server.ReportAsync("process", "p1", "run-3");
        await server.ReportAsync("process", "p2", "run-3");
        server.Trigger.Fail = false;
        server.Time.Advance(TimeSpan.FromSeconds(10)); // inside the 60 s claim lease the failed trigger left behind
        var before = server.Trigger.Calls.Count;

        var response = await SubmitAsync(server, "/pax/phases/process/run-3", "Re-drive process/run-3");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/pax/phases/process/run-3?result=redrive-ClaimedElsewhere", response.Headers.Location!.OriginalString);
        Assert.Equal(before, server.Trigger.Calls.Count);
        var tally = await server.Tally.GetStatusAsync("process", "run-3", Ct);
        Assert.Equal(TallyTriggerState.Claimed, tally!.State);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4302 && r.Message.EndsWith("re-drive of process/run-3: ClaimedElsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_CloudRunIam_the_audit_names_the_principal_and_a_stranger_cannot_act()
    {
        await using var server = await DashboardServer.StartAsync(o =>
        {
            o.AllowActions = true;
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.CloudRunIam;
            o.Authentication.AllowedPrincipals = ["alice@example.com"];
        });
        await server.SeedAsync();
        var alice = Html.CloudRunToken("alice@example.com");

        var (page, cookie) = await PageAsync(server, "/pax/jobs", alice);
        var stranger = await PostAsync(server, Form(page, "Delete job one-off"), cookie, Html.CloudRunToken("mallory@example.com"));
        var allowed = await PostAsync(server, Form(page, "Delete job one-off"), cookie, alice);

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, allowed.StatusCode);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4302 && r.Message.Contains("by alice@example.com", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> SubmitAsync(DashboardServer server, string pagePath, string button)
    {
        var (page, cookie) = await PageAsync(server, pagePath);
        return await PostAsync(server, Form(page, button), cookie);
    }

    private static async Task<(IDocument Page, string Cookie)> PageAsync(DashboardServer server, string path, string? bearer = null)
    {
        var (response, page) = await Html.GetAsync(server.Client, path, bearer);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (page, cookie);
    }

    private static IElement Form(IDocument page, string button) =>
        page.QuerySelectorAll("form[method=post]").Single(f => f.QuerySelector("button")!.GetAttribute("aria-label") == button);

    private static async Task<HttpResponseMessage> PostAsync(DashboardServer server, IElement form, string cookie, string? bearer = null)
    {
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await server.Client.SendAsync(request, Ct);
    }
}
