using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The phases page (<c>/pax</c>) on seeded SQLite stores, asserted on the parsed HTML.</summary>
public sealed class PhasesPageTests
{
    [Fact]
    public async Task Each_run_key_is_a_row_with_one_cell_per_processor_labelled_in_text_and_class()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (response, page) = await Html.GetAsync(server.Client, "/pax");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var table = Html.Table(page, "Latest run keys of collect");
        Assert.Equal(["Run key", "State", "Succeeded", "cam-a", "cam-b", "cam-c", "First report", "Triggered"], table.QuerySelectorAll("thead th").Select(h => h.TextContent));
        var today = Html.Row(table, "2026-02-10");
        var cells = today.QuerySelectorAll("td").ToList();
        Assert.Equal(["✓ succeeded", "✗ failed", "– missing"], cells.Skip(2).Take(3).Select(c => c.TextContent));
        Assert.Equal(["st-succeeded", "st-failed", "st-missing"], cells.Skip(2).Take(3).Select(c => c.ClassName));
        Assert.Equal("1 of 3", cells[1].TextContent);
        Assert.Equal("—", cells[^1].TextContent.Trim());
    }

    [Fact]
    public async Task State_overdue_and_nobody_reported_are_badges_with_text_and_triggered_shows_its_time()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax");

        var table = Html.Table(page, "Latest run keys of collect");
        Assert.Equal("open overdue", Badges(Html.Row(table, "2026-02-10")));
        Assert.Equal("triggered", Badges(Html.Row(table, "2026-02-09")));
        Assert.Equal("nobody reported overdue", Badges(Html.Row(table, "2026-02-08")));
        var triggered = Html.Row(table, "2026-02-09").QuerySelectorAll("td").Last().QuerySelector("time");
        Assert.Equal("2026-02-10T12:00:00.0000000+00:00", triggered!.GetAttribute("datetime"));

        // Newest first, expected-but-silent run keys on top.
        Assert.Equal(["2026-02-08", "2026-02-10", "2026-02-09"], table.QuerySelectorAll("tbody tr th").Select(h => h.TextContent));
    }

    [Fact]
    public async Task A_count_based_phase_shows_how_many_of_how_many_and_the_reporting_processors()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax");

        Assert.Contains(page.QuerySelectorAll("p.meta"), p => p.TextContent.StartsWith("Needs 2 of 3 processors", StringComparison.Ordinal));
        var table = Html.Table(page, "Latest run keys of process");
        var row = Html.Row(table, "run-1");
        Assert.Equal("2 of 2", row.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(["p1: ✓ succeeded", "p3: ✓ succeeded"], row.QuerySelectorAll("td:nth-of-type(3) span.badge").Select(b => b.TextContent));
        Assert.Equal("trigger failed", Badges(Html.Row(table, "run-2")));
    }

    [Fact]
    public async Task Run_keys_from_outside_are_text_not_markup_and_link_to_their_page()
    {
        await using var server = await DashboardServer.StartAsync();
        const string hostile = "<img src=x onerror=alert(1)>";
        await server.ReportAsync("collect", "cam-a", hostile);

        var (_, page) = await Html.GetAsync(server.Client, "/pax");

        Assert.Empty(page.QuerySelectorAll("img, script"));
        var link = Html.Row(Html.Table(page, "Latest run keys of collect"), hostile).QuerySelector("a")!;
        Assert.Equal("/pax/phases/collect/" + Uri.EscapeDataString(hostile), link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_phase_pages_through_older_run_keys_with_a_bounded_page()
    {
        await using var server = await DashboardServer.StartAsync(o => o.PageSize = 2);
        foreach (var key in new[] { "k1", "k2", "k3" })
        {
            await server.ReportAsync("process", "p1", key);
            server.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var (_, first) = await Html.GetAsync(server.Client, "/pax");
        var more = first.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Older run keys of process", StringComparison.Ordinal));
        var (_, second) = await Html.GetAsync(server.Client, more.GetAttribute("href")!);

        Assert.Equal(["k3", "k2"], Html.Table(first, "Latest run keys of process").QuerySelectorAll("tbody th").Select(h => h.TextContent));
        Assert.Equal(["k1"], Html.Table(second, "Latest run keys of process").QuerySelectorAll("tbody th").Select(h => h.TextContent));
        Assert.DoesNotContain(second.QuerySelectorAll("caption"), c => c.TextContent.Contains("collect", StringComparison.Ordinal));
    }

    private static string Badges(AngleSharp.Dom.IElement row) => string.Join(" ", row.QuerySelectorAll("td:first-of-type span.badge").Select(b => b.TextContent));
}
