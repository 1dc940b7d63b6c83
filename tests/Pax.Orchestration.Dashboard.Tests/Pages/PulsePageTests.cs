using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The pulse page (<c>/pax/pulse</c>) and its JSON: hourly counts of the last 24 hours as inline SVG sparklines.</summary>
public sealed class PulsePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_phase_and_the_scheduler_show_their_hourly_counts_as_sparklines_and_in_JSON()
    {
        await using var server = await DashboardServer.StartAsync(intake: true);
        await server.SeedAsync();
        await server.PushAsync("""{"phase":"collect","processor":"cam-x","runKey":"2026-02-10","status":"succeeded"}""", "m-x");
        await server.PushAsync("""{"phase":"nowhere","processor":"a","runKey":"2026-02-10","status":"succeeded"}""", "m-nowhere");
        await server.Services.GetRequiredService<PulseSource>().FlushAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/pulse");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/pulse", Ct));

        // Seeded at 12:00, shown at 14:00: collect's five reports in one bar, the third from the right.
        var collect = Html.Table(page, "Phase collect, last 24 hours");
        Assert.Equal(["Reports", "5", "0"], Numbers(Html.Row(collect, "Reports")));
        var bars = Html.Row(collect, "Reports").QuerySelectorAll("svg rect");
        Assert.Equal(("126", "23"), (Assert.Single(bars).GetAttribute("x"), bars[0].GetAttribute("height")));
        Assert.Equal("Reports per hour, last 24 hours: 5 in all, at most 5 in one hour", Html.Row(collect, "Reports").QuerySelector("svg")!.GetAttribute("aria-label"));
        Assert.Equal(["Rejections", "1", "1"], Numbers(Html.Row(collect, "Rejections")));
        Assert.Equal(["Triggers", "1", "0"], Numbers(Html.Row(collect, "Triggers")));
        Assert.Equal(["Rejections", "1", "1"], Numbers(Html.Row(Html.Table(page, "Phase (no phase), last 24 hours"), "Rejections")));
        Assert.Equal(["Jobs run", "0", "0"], Numbers(Html.Row(Html.Table(page, "Scheduler, last 24 hours"), "Jobs run")));
        Assert.Empty(Html.Row(Html.Table(page, "Scheduler, last 24 hours"), "Jobs run").QuerySelectorAll("svg rect"));

        var root = json.RootElement;
        Assert.Equal(24, root.GetProperty("hours").GetArrayLength());
        Assert.Equal("2026-02-09T15:00:00+00:00", root.GetProperty("hours")[0].GetString());
        var reports = root.GetProperty("phases")[0].GetProperty("series")[0];
        Assert.Equal(("reports", 5L, 5L), (reports.GetProperty("counter").GetString(), reports.GetProperty("total").GetInt64(), reports.GetProperty("hourly")[21].GetInt64()));
        var process = root.GetProperty("phases")[1];
        Assert.Equal(("process", 4L), (process.GetProperty("name").GetString(), process.GetProperty("series")[0].GetProperty("total").GetInt64()));
        Assert.True(root.GetProperty("schedulerAvailable").GetBoolean());
        Assert.Equal("jobsRun", root.GetProperty("scheduler").GetProperty("series")[0].GetProperty("counter").GetString());
        Assert.False(root.GetProperty("truncated").GetBoolean());
        Assert.Null(page.QuerySelector("main p[role=alert]"));
    }

    [Fact]
    public async Task A_pulse_read_cut_by_its_limit_keeps_this_hour_and_says_so_on_the_page_and_in_JSON()
    {
        await using var server = await DashboardServer.StartAsync();
        var store = server.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey).Store;
        var now = PulseBucket.HourOf(server.Time.GetUtcNow());

        // Another orchestrator's phases sharing pax_pulse, counted earlier today: more than the read's limit of
        // (phases + 4) × 32 documents or rows; then two reports of collect this hour.
        await store.AddAsync(Enumerable.Range(0, 400).Select(i => Reports($"other-{i:D3}", now.AddHours(-20), 1)).ToList(), Ct);
        await store.AddAsync([Reports("collect", now, 2)], Ct);

        var (_, page) = await Html.GetAsync(server.Client, "/pax/pulse");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/pulse", Ct));

        Assert.True(json.RootElement.GetProperty("truncated").GetBoolean());
        var collect = json.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "collect");
        Assert.Equal(2L, collect.GetProperty("series")[0].GetProperty("hourly")[23].GetInt64());
        Assert.Equal(["Reports", "2", "2"], Numbers(Html.Row(Html.Table(page, "Phase collect, last 24 hours"), "Reports")));
        Assert.StartsWith("Some counts were cut", page.QuerySelector("main p[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    private static PulseBucket Reports(string scope, DateTimeOffset hour, long reports)
    {
        var counts = PulseBucket.NoCounts();
        counts[(int)PulseCounter.Reports] = reports;
        return new PulseBucket(scope, hour, counts);
    }

    /// <summary>A row's label, 24-hour total and this hour's count (the sparkline's cell holds its SVG title).</summary>
    private static List<string> Numbers(AngleSharp.Dom.IElement row) => [.. Html.Cells(row).Where((_, i) => i != 1)];

    [Fact]
    public async Task Counts_not_stored_yet_show_on_this_instance_s_page()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.ReportAsync("publish", "x", "r1");

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/pulse", Ct));

        var publish = json.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "publish");
        Assert.Equal(1L, publish.GetProperty("series")[0].GetProperty("hourly")[23].GetInt64());
    }
}
