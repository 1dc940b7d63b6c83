using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion.Watchdog;

namespace Pax.Orchestration.Tests.Completion.Watchdog;

/// <summary>How a run key nobody reported for shows up: POST /watchdog's JSON, log event 4012 and the overdue metric.</summary>
public sealed class SilenceReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task POST_watchdog_reports_a_silent_run_key_in_its_JSON_as_log_event_4012_and_on_the_overdue_metric()
    {
        await using var server = await OrchestratorServer.StartAsync(
            o =>
            {
                o.Phases[0].Deadline = TimeSpan.FromHours(6);
                o.Phases[0].Expected = new ExpectedRunSchedule { Cron = "0 2 * * *", TimeZone = "America/New_York", LookBack = TimeSpan.FromDays(1), Start = DateTimeOffset.UnixEpoch };
            },
            s => s.AddFakeLogging());
        using var overdue = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.overdue_runs");
        server.Time.SetUtcNow(new DateTimeOffset(2026, 2, 10, 13, 0, 0, TimeSpan.Zero)); // 02:00 EST = 07:00Z, deadline 13:00Z

        using var response = await server.Client.PostAsync("/watchdog", null, Ct);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, report["expectedExamined"]!.GetValue<int>());
        var silent = Assert.Single(report["overdue"]!.AsArray())!;
        Assert.Equal("2026-02-10", silent["runKey"]!.GetValue<string>());
        Assert.Equal(["a", "b"], silent["missing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(DateTimeOffset.Parse("2026-02-10T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), silent["expectedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(silent["overdue"]!.GetValue<bool>());
        Assert.Null(silent["firstCompletionAt"]);
        var log = Assert.Single(server.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4012);
        Assert.Contains("No processor reported for phase2/2026-02-10", log.Message, StringComparison.Ordinal);
        Assert.Contains("missing [a, b]", log.Message, StringComparison.Ordinal);
        var measurement = Assert.Single(overdue.GetMeasurementSnapshot());
        Assert.Equal(("phase2", "no_report"), ((string?)measurement.Tags["pax.phase"], (string?)measurement.Tags["pax.reason"]));
    }
}
