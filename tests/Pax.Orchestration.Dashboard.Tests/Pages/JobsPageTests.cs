using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The scheduled jobs page (<c>/pax/jobs</c>).</summary>
public sealed class JobsPageTests
{
    [Fact]
    public async Task Jobs_are_grouped_by_status_with_attempts_last_error_and_lease_holder_and_expiry()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");

        Assert.Equal(["Running", "Pending", "Failed", "Completed"], page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        var failed = Html.Cells(Html.Row(Html.Table(page, "failed jobs"), "send-report"));
        Assert.Equal("5/5", failed[4]);
        Assert.Equal("HTTP 500 from <b>receiver</b>", failed[5]);
        Assert.Empty(page.QuerySelectorAll("main b"));
        var running = Html.Row(Html.Table(page, "running jobs"), "reindex");
        var lease = running.QuerySelector("td:nth-of-type(6)")!;
        Assert.StartsWith("orchestrator-00042-abc/localhost/7", lease.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-02-10T12:00:00.0000000+00:00", lease.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_recurring_job_shows_its_next_run_and_occurrences_in_its_own_time_zone_and_its_misfire_policy()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");

        var cells = Html.Row(Html.Table(page, "pending jobs"), "nightly-export").QuerySelectorAll("td").ToList();
        Assert.Equal("2026-02-11 02:00:00 -05:00America/New_York", cells[2].TextContent);
        Assert.Equal("0 2 * * * · misfire RunOncenext: 2026-02-12 02:00:00 -05:00, 2026-02-13 02:00:00 -05:00, 2026-02-14 02:00:00 -05:00", cells[6].TextContent);
    }

    [Fact]
    public async Task Without_AllowActions_no_action_form_is_rendered()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, jobs) = await Html.GetAsync(server.Client, "/pax/jobs");
        var (_, runKey) = await Html.GetAsync(server.Client, "/pax/phases/process/run-2");

        Assert.Empty(jobs.QuerySelectorAll("form[method=post]"));
        Assert.Empty(runKey.QuerySelectorAll("form[method=post]"));
    }

    [Fact]
    public async Task An_unknown_status_is_refused_with_400()
    {
        await using var server = await DashboardServer.StartAsync();

        var (response, _) = await Html.GetAsync(server.Client, "/pax/jobs?status=1");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
