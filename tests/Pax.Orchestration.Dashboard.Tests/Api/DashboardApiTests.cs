using System.Diagnostics;
using System.Text.Json;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>The JSON for scripts at <c>/pax/api/*</c>: the documented shapes (README of the package).</summary>
public sealed class DashboardApiTests
{
    [Fact]
    public async Task Phases_lists_each_phase_with_its_trigger_and_run_keys_with_processor_states()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetAsync(server, "/pax/api/phases");

        var root = json.RootElement;
        Assert.Equal(["generatedAt", "phases"], Names(root));
        var collect = root.GetProperty("phases")[0];
        Assert.Equal(["name", "processors", "expectedCount", "requiredSuccesses", "trigger", "runKeys", "nextPage", "rejectedLast24Hours", "rejectedUnavailable", "expectedFrom"], Names(collect));
        var row = collect.GetProperty("runKeys").EnumerateArray().Single(r => r.GetProperty("runKey").GetString() == "2026-02-10");
        Assert.Equal(
            ["runKey", "state", "complete", "overdue", "nobodyReported", "succeeded", "requiredSuccesses", "processors", "firstReportAt", "expectedAt", "deadlineAt", "claimedUntil", "triggeredAt", "claimedAt", "claims", "lastTriggerError", "failed"],
            Names(row));
        Assert.Equal(("open", true), (row.GetProperty("state").GetString(), row.GetProperty("overdue").GetBoolean()));
        Assert.Equal(["cam-a:succeeded", "cam-b:failed", "cam-c:missing"], row.GetProperty("processors").EnumerateArray().Select(c => c.GetProperty("processor").GetString() + ":" + c.GetProperty("status").GetString()));
        var publish = root.GetProperty("phases")[2].GetProperty("trigger");
        Assert.Equal(("topic", "projects/p/topics/next"), (publish.GetProperty("kind").GetString(), publish.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task A_run_key_has_its_summary_trigger_idempotency_key_and_timeline()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetAsync(server, "/pax/api/phases/collect/2026-02-10");

        var root = json.RootElement;
        Assert.Equal(["phase", "runKey", "summary", "trigger", "idempotencyKey", "lastTriggerError", "timeline", "rejected", "rejectedUnavailable", "reportsNext"], Names(root));
        Assert.Equal("collect:2026-02-10", root.GetProperty("idempotencyKey").GetString());
        var report = root.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("processor").GetString() == "cam-b");
        Assert.Equal(["at", "kind", "processor", "status", "details", "messageId", "text", "traceId"], Names(report));
        Assert.Equal(("report", "failed", "m-b"), (report.GetProperty("kind").GetString(), report.GetProperty("status").GetString(), report.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task A_report_shows_the_trace_it_was_recorded_in_on_the_page_and_in_the_json()
    {
        const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        await using var server = await DashboardServer.StartAsync();
        using (var publisher = new Activity("publisher").SetParentId(ActivityTraceId.CreateFromString(Trace), ActivitySpanId.CreateFromString("00f067aa0ba902b7"), ActivityTraceFlags.Recorded).Start())
        {
            await server.ReportAsync("collect", "cam-a", "2026-03-01", messageId: "m-traced");
        }

        await server.ReportAsync("collect", "cam-b", "2026-03-01", messageId: "m-untraced");

        using var json = await GetAsync(server, "/pax/api/phases/collect/2026-03-01");
        var reports = json.RootElement.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "report")
            .ToDictionary(e => e.GetProperty("processor").GetString()!, e => e.GetProperty("traceId").GetString());
        Assert.Equal(Trace, reports["cam-a"]);
        Assert.Null(reports["cam-b"]);
        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-03-01");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("cam-a reported", StringComparison.Ordinal));
        Assert.Equal(Trace, Html.Cells(row)[6]);
    }

    [Fact]
    public async Task The_trigger_shows_the_trace_it_fired_in_on_the_page_and_in_the_json()
    {
        const string Completing = "0af7651916cd43dd8448eb211c80319c";
        await using var server = await DashboardServer.StartAsync();
        await server.ReportAsync("collect", "cam-a", "2026-03-02");
        using (new Activity("publisher").SetParentId(ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736"), ActivitySpanId.CreateFromString("00f067aa0ba902b7"), ActivityTraceFlags.Recorded).Start())
        {
            await server.ReportAsync("collect", "cam-b", "2026-03-02");
        }

        using var open = await GetAsync(server, "/pax/api/phases/collect/2026-03-02");
        using (new Activity("publisher").SetParentId(ActivityTraceId.CreateFromString(Completing), ActivitySpanId.CreateFromString("b7ad6b7169203331"), ActivityTraceFlags.Recorded).Start())
        {
            await server.ReportAsync("collect", "cam-c", "2026-03-02");
        }

        using var json = await GetAsync(server, "/pax/api/phases/collect/2026-03-02");
        var trigger = json.RootElement.GetProperty("trigger");
        Assert.Equal(["kind", "target", "traceId"], Names(trigger));
        Assert.Equal(JsonValueKind.Null, open.RootElement.GetProperty("trigger").GetProperty("traceId").ValueKind);
        Assert.Equal(Completing, trigger.GetProperty("traceId").GetString());
        var fired = json.RootElement.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "trigger");
        Assert.Equal(Completing, fired.GetProperty("traceId").GetString());
        var (_, page) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-03-02");
        var row = page.QuerySelectorAll("table")[0].QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent == "Trace");
        Assert.Equal(Completing, row.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public async Task Jobs_are_grouped_by_status_and_one_status_can_be_asked_for()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var all = await GetAsync(server, "/pax/api/jobs");
        using var failed = await GetAsync(server, "/pax/api/jobs?status=failed");

        Assert.Equal(["running", "pending", "failed", "completed"], all.RootElement.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var only = Assert.Single(failed.RootElement.GetProperty("statuses").EnumerateArray());
        var job = Assert.Single(only.GetProperty("jobs").EnumerateArray());
        Assert.Equal(
            ["id", "type", "status", "nextRun", "nextRunLocal", "timeZone", "attempts", "maxAttempts", "lastError", "leaseHolder", "leaseUntil", "cron", "misfire", "nextOccurrences", "version", "history"],
            Names(job));
        Assert.Equal(("send-report", 5), (job.GetProperty("id").GetString(), job.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task Rejected_lists_the_latest_with_reason_and_excerpt()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetAsync(server, "/pax/api/rejected");

        var message = Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal(["messageId", "reason", "receivedAt", "excerpt", "phase", "runKey", "processor"], Names(message));
        Assert.Equal("{\"x\":\"<script>alert('x')</script>\"}", message.GetProperty("excerpt").GetString());
    }

    private static async Task<JsonDocument> GetAsync(DashboardServer server, string path)
    {
        var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static List<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToList();
}
