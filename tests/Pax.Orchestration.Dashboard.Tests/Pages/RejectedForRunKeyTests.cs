using System.Net;
using System.Text.Json;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>
/// Deliveries rejected on their way to a run key show up on that run key (page and JSON) with the reason, the processor
/// as sent, the time and the message id; an unknown processor's reason names the configured one it was probably meant
/// as; the phases page counts each phase's rejections of the last 24 hours and links to <c>/pax/rejected?phase=</c>.
/// </summary>
public sealed class RejectedForRunKeyTests
{
    private const string RunKey = "2026-02-10";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_misspelled_processor_is_rejected_with_did_you_mean_and_listed_on_its_run_key_page_and_JSON()
    {
        await using var server = await DashboardServer.StartAsync(intake: true);
        await server.ReportAsync("collect", "cam-a", RunKey, messageId: "m-a");

        await server.PushAsync("""{"phase":"collect","processor":" cam-b","runKey":"2026-02-10","status":"succeeded"}""", "m-spaced");
        await server.PushAsync("""{"phase":"collect","processor":"cam-c","runKey":"2026-02-10","status":"done"}""", "m-status");
        await server.PushAsync("""{"phase":"collect","processor":"cam-a","runKey":"2026-02-11","status":"succeeded","extra":1}""" + "x", "m-broken");
        var (_, page) = await Html.GetAsync(server.Client, $"/pax/phases/collect/{RunKey}");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"/pax/api/phases/collect/{RunKey}", Ct));

        var rows = Html.Table(page, $"Deliveries that named collect/{RunKey} and were rejected, newest first").QuerySelectorAll("tbody tr").Select(Html.Cells).ToList();
        Assert.Equal(["m-status", "m-spaced"], rows.Select(r => r[1]));
        Assert.Equal("unknown processor ' cam-b' — did you mean 'cam-b'? (phase 'collect' expects 'cam-a', 'cam-b', 'cam-c')", rows[1][2]);
        Assert.Equal(["collect", RunKey, "' cam-b'"], rows[1].Skip(3).Take(3));
        Assert.Equal("status 'done' is not 'succeeded' or 'failed'", rows[0][2]);
        Assert.Equal("2026-02-10 12:00:00 UTC", rows[1][0]);
        var rejected = json.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(["m-status", "m-spaced"], rejected.Select(r => r.GetProperty("messageId").GetString()));
        Assert.Equal((" cam-b", "collect", RunKey), (rejected[1].GetProperty("processor").GetString(), rejected[1].GetProperty("phase").GetString(), rejected[1].GetProperty("runKey").GetString()));
    }

    [Fact]
    public async Task A_run_key_with_only_rejected_deliveries_still_has_a_page_that_says_why()
    {
        await using var server = await DashboardServer.StartAsync(intake: true);

        await server.PushAsync("""{"phase":"collect","processor":"cam-x","runKey":"2026-02-10","status":"succeeded"}""", "m-x");
        var (response, page) = await Html.GetAsync(server.Client, $"/pax/phases/collect/{RunKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("unknown processor 'cam-x'", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Not "nobody reported" right above the rejection: a delivery came, and was refused.
        Assert.Equal("no report accepted — 1 rejected (below)", page.QuerySelector("main .badge")!.TextContent);
        Assert.Contains("No report accepted for this run key: 1 rejected (below).", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("obody reported", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phases_page_counts_each_phase_s_rejections_of_the_last_24_hours_and_links_to_them()
    {
        await using var server = await DashboardServer.StartAsync(intake: true);
        await server.PushAsync("""{"phase":"collect","processor":"cam-z","runKey":"2026-02-09","status":"succeeded"}""", "m-old");
        server.Time.Advance(TimeSpan.FromHours(25));
        await server.PushAsync("""{"phase":"collect","processor":"cam-y","runKey":"2026-02-10","status":"succeeded"}""", "m-1");
        await server.PushAsync("""{"phase":"collect","processor":"cam-a","runKey":"2026-02-10","status":"maybe"}""", "m-2");
        await server.PushAsync("""{"phase":"process","processor":"p1","runKey":"r/1","status":"succeeded"}""", "m-3");

        var (_, phases) = await Html.GetAsync(server.Client, "/pax");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases", Ct));
        var link = phases.QuerySelectorAll("p.meta a").Single(a => a.GetAttribute("href") == "/pax/rejected?phase=collect");
        var (_, filtered) = await Html.GetAsync(server.Client, link.GetAttribute("href")!);
        using var filteredJson = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/rejected?phase=collect", Ct));
        var unknown = await server.Client.GetAsync("/pax/rejected?phase=nope", Ct);

        Assert.Equal("2 deliveries rejected in the last 24 h", link.TextContent);
        Assert.Equal([2, 1, 0], json.RootElement.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("rejectedLast24Hours").GetInt32()));
        Assert.Equal(["m-2", "m-1", "m-old"], filtered.QuerySelectorAll("tbody tr").Select(r => Html.Cells(r)[1]));
        Assert.Equal("collect", filteredJson.RootElement.GetProperty("phase").GetString());
        Assert.Equal(3, filteredJson.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
