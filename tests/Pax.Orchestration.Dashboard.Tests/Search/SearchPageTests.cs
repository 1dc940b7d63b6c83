using System.Net;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Search;

/// <summary>The search box on every page, the search page, the filter forms and their 400s, and the instances page.</summary>
public sealed class SearchPageTests
{
    public static TheoryData<string> Pages => ["/pax", "/pax/jobs", "/pax/rejected", "/pax/phases/collect/2026-02-10", "/pax/search?q=run", "/pax/instances"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_a_search_box_that_is_a_plain_get_form(string path)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (response, page) = await Html.GetAsync(server.Client, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Assert.Single(page.QuerySelectorAll("header form[role=search]"));
        Assert.Equal(("get", "/pax/search"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("q", form.QuerySelector("input[type=search]")!.GetAttribute("name"));
    }

    [Fact]
    public async Task The_search_page_shows_matching_run_keys_per_phase_and_the_job_with_that_id()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, keys) = await Html.GetAsync(server.Client, "/pax/search?q=2026-02-1");
        var (_, job) = await Html.GetAsync(server.Client, "/pax/search?q=send-report");
        var (_, none) = await Html.GetAsync(server.Client, "/pax/search?q=nothing-like-this");

        Assert.Equal("Search: 2026-02-1", keys.QuerySelector("h1")!.TextContent);
        Assert.Equal("2026-02-1", keys.QuerySelector("header input[name=q]")!.GetAttribute("value"));
        Assert.Equal(["2026-02-10"], keys.QuerySelectorAll("main table tbody tr th").Select(c => c.TextContent.Trim()));
        Assert.Contains("/pax/jobs?status=failed&id=send-report", job.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Contains("No run key equal to or starting with 'nothing-like-this', and no job with that id.", none.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_phases_page_keeps_its_filter_in_the_form_and_in_the_link_to_older_run_keys()
    {
        await using var server = await DashboardServer.StartAsync(o => o.PageSize = 1);
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax?phase=process&state=triggered&from=2026-02-10");

        var form = page.QuerySelector("form.filters")!;
        Assert.Equal("triggered", form.QuerySelector("select[name=state] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2026-02-10T00:00:00Z", form.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("process", form.QuerySelector("input[name=phase]")!.GetAttribute("value"));
        var older = page.QuerySelectorAll("main a").Single(a => a.TextContent.StartsWith("Older run keys", StringComparison.Ordinal));
        Assert.EndsWith("&state=triggered&from=2026-02-10T00%3A00%3A00Z", older.GetAttribute("href"), StringComparison.Ordinal);
        var (_, empty) = await Html.GetAsync(server.Client, "/pax?phase=process&state=open");
        Assert.Equal("No run key matches the filter.", empty.QuerySelector("main section p:not(.meta)")!.TextContent);
    }

    [Theory]
    [InlineData("/pax?phase=collect&runKey=2026-02-10&state=triggered", "")]
    [InlineData("/pax?phase=collect&runKey=2026-02-09&state=nobody-reported", "")]
    [InlineData("/pax?phase=collect&runKey=2026-02-10&state=open", "2026-02-10")]
    public async Task A_run_key_filter_lists_the_run_key_only_when_it_meets_the_other_filters_too(string path, string expected)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (response, page) = await Html.GetAsync(server.Client, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = page.QuerySelectorAll("main th[scope=row] a").Select(a => a.TextContent);
        Assert.Equal(expected, string.Join(",", listed));
    }

    [Theory]
    [InlineData("/pax?state=stuck", "Phases", "400: state must be one of open, claimed, triggered, trigger-failed, overdue, nobody-reported (was 'stuck').")]
    [InlineData("/pax/jobs?until=tomorrow", "Scheduled jobs", "400: until must be a date or UTC time in ISO 8601, such as 2026-02-10 or 2026-02-10T14:00:00Z (was 'tomorrow').")]
    [InlineData("/pax/rejected?reason=typo", "Rejected messages", "400: reason must be one of envelope, contract, invalid, oversized (was 'typo').")]
    public async Task A_filter_value_the_dashboard_cannot_use_answers_400_with_the_page_naming_the_accepted_values(string path, string title, string message)
    {
        await using var server = await DashboardServer.StartAsync();

        var (response, page) = await Html.GetAsync(server.Client, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(message, page.QuerySelector("p[role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.filters"));
        Assert.NotNull(page.QuerySelector("header form[role=search]"));
    }

    [Fact]
    public async Task The_instances_page_lists_what_each_instance_holds_and_when_it_was_last_seen()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/instances");

        var sections = page.QuerySelectorAll("main section").ToDictionary(s => s.QuerySelector("h2")!.TextContent, s => s);
        var holder = sections["orchestrator-00042-abc/localhost/7"];
        Assert.Equal(["reindex", "http"], Html.Cells(Html.Table(holder.Owner!, "Running jobs").QuerySelector("tbody tr")!).Take(2));
        var us = sections.Single(s => s.Key.EndsWith("/" + Environment.ProcessId, StringComparison.Ordinal)).Value;
        var claim = Html.Cells(us.QuerySelector("table tbody tr")!);
        Assert.Equal(["process", "run-2"], claim.Take(2));
        Assert.EndsWith("lease ended", claim[3], StringComparison.Ordinal);
        Assert.StartsWith("last seen 2026-02-10", us.QuerySelector("p.meta")!.TextContent, StringComparison.Ordinal);
    }
}
