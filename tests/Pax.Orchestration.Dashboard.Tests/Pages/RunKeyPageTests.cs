using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The run key page (<c>/pax/phases/{phase}/{runKey}</c>): trigger and timeline.</summary>
public sealed class RunKeyPageTests
{
    [Fact]
    public async Task The_timeline_lists_first_report_each_report_with_status_details_and_message_id_then_the_trigger()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-02-09");

        var rows = page.QuerySelectorAll("h2 + table").Last().QuerySelectorAll("tbody tr").Select(Html.Cells).ToList();
        Assert.Equal(
            ["First report recorded; the tally was created.", "cam-a reported succeeded.", "cam-b reported succeeded.", "cam-c reported succeeded.", "Claimed for the trigger.", "Next phase triggered (custom NoopTrigger)."],
            rows.Select(r => r[1]));
        Assert.Equal(["", "m-9a", "m-9b", "m-9c", "", ""], rows.Select(r => r[5]));
        var trigger = Html.Table(page, "Trigger");
        Assert.Equal(["Idempotency key", "collect:2026-02-09"], Html.Cells(Html.Row(trigger, "Idempotency key")));
        Assert.Equal(["Kind", "custom"], Html.Cells(Html.Row(trigger, "Kind")));
    }

    [Fact]
    public async Task Details_from_a_processor_are_escaped_text()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-02-10");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains(page.QuerySelectorAll("pre"), p => p.TextContent == "<script>alert('b')</script> & 3 timeouts");
        var failed = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("cam-b reported failed", StringComparison.Ordinal));
        Assert.Equal("✗ failed", failed.QuerySelector("td.st-failed")!.TextContent);
    }

    [Fact]
    public async Task A_claim_whose_lease_ended_shows_the_claim_and_that_a_redrive_is_due()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/process/run-2");

        var events = page.QuerySelectorAll("h2 + table").Last().QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent).ToList();
        Assert.Contains(events, e => e.StartsWith("Claimed for the trigger until", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("The claim's lease ended without the trigger being marked done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redriven_claim_says_so_in_the_timeline()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();
        await server.Tally.DriveAsync("process", "run-2", TestContext.Current.CancellationToken);

        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/process/run-2");

        var events = page.QuerySelectorAll("h2 + table").Last().QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent).ToList();
        Assert.Contains("Re-driven: claimed for the trigger again (claim 2; the first claim's lease ended without the trigger being marked).", events);
        Assert.Equal("Next phase triggered (custom NoopTrigger).", events[^1]);
    }

    [Fact]
    public async Task An_expected_run_key_nobody_reported_for_has_a_page_that_says_so_with_every_processor_missing()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (response, page) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-02-08");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["nobody reported", "overdue"], page.QuerySelectorAll("main > p span.badge").Select(b => b.TextContent));
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent == "Nobody reported for this run key.");
        Assert.Equal(["– missing", "– missing", "– missing"], page.QuerySelectorAll("td.st-missing").Select(c => c.TextContent));
    }

    [Fact]
    public async Task An_unknown_phase_or_run_key_is_404()
    {
        await using var server = await DashboardServer.StartAsync();

        var (unknownPhase, _) = await Html.GetAsync(server.Client, "/pax/phases/nope/2026-02-10");
        var (unknownKey, _) = await Html.GetAsync(server.Client, "/pax/phases/collect/1999-01-01");
        var (unknownPage, _) = await Html.GetAsync(server.Client, "/pax?phase=nope");
        var (unknownApi, _) = await Html.GetAsync(server.Client, "/pax/api/phases?phase=nope");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownPhase.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownKey.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownApi.StatusCode);
    }
}
