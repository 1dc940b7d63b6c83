using System.Text.Json;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The jobs page and JSON show each job's last outcomes (<see cref="ScheduledJob.History"/>).</summary>
public sealed class JobHistoryPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_shows_its_last_outcomes_newest_first_with_duration_and_error_and_the_JSON_has_them_all()
    {
        await using var server = await DashboardServer.StartAsync();
        var job = await server.AddJobAsync("weekly-report", ScheduledJobStatus.Pending, DashboardServer.Now.AddDays(7), cron: "0 6 * * 1");
        List<JobOutcome> history =
        [
            new(DashboardServer.Now.AddDays(-7), TimeSpan.FromMilliseconds(1500), JobOutcomeResult.Failed, "HttpRequestException: 503 <from> upstream", 3),
            .. Enumerable.Range(2, 5).Select(w => new JobOutcome(DashboardServer.Now.AddDays(-7 * w), TimeSpan.FromMilliseconds(420), JobOutcomeResult.Succeeded, null, 1)),
        ];
        Assert.NotNull(await server.Jobs.TryReplaceAsync(job with { History = history }, Ct));

        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/jobs", Ct));

        var items = Html.Row(Html.Table(page, "pending jobs"), "weekly-report").QuerySelectorAll("ol.outcomes li").ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal("✗ failed 2026-02-03 12:00:00 UTC · 1.5 s · attempt 3HttpRequestException: 503 <from> upstream", items[0].TextContent);
        Assert.Equal("✓ succeeded 2026-01-27 12:00:00 UTC · 420 ms · attempt 1", items[1].TextContent);
        Assert.Contains("and 1 older (in the JSON)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var stored = json.RootElement.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "pending")
            .GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "weekly-report").GetProperty("history");
        Assert.Equal(6, stored.GetArrayLength());
        Assert.Equal(("failed", 1500L, "HttpRequestException: 503 <from> upstream", 3), (stored[0].GetProperty("result").GetString(), stored[0].GetProperty("durationMs").GetInt64(), stored[0].GetProperty("error").GetString(), stored[0].GetProperty("attempt").GetInt32()));
    }

    [Fact]
    public async Task A_job_that_never_ran_says_so()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/jobs");

        Assert.Equal("none yet", Html.Row(Html.Table(page, "pending jobs"), "nightly-export").QuerySelectorAll("td")[7].TextContent);
    }
}
