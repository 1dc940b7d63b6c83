using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>What a tick tells operators: its metrics as instruments and its log events.</summary>
public sealed class TickTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tick_records_its_counts_on_the_instruments_and_logs_claims_and_lost_races()
    {
        await using var server = await SchedulerServer.StartAsync(services: s => s.AddFakeLogging());
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        string[] names = ["jobs_checked", "jobs_claimed", "jobs_executed", "jobs_succeeded", "jobs_failed", "jobs_skipped_claimed"];
        var collectors = names.ToDictionary(n => n, n => new MetricCollector<long>(meters, "Pax.Orchestration", "pax.orchestration.scheduling." + n));
        using var seconds = new MetricCollector<double>(meters, "Pax.Orchestration", "pax.orchestration.scheduling.tick.duration");
        server.Handler.Behavior = (context, _) => context.Job.Id == "bad" ? throw new InvalidOperationException("no") : Task.CompletedTask;
        foreach (var id in new[] { "good", "bad" })
        {
            Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/jobs", PushBodies.Json($$"""{"id":"{{id}}","type":"test"}"""), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsync("/cron/tick", null, Ct)).StatusCode);

        Assert.Equal([2, 2, 2, 1, 1, 0], names.Select(n => collectors[n].GetMeasurementSnapshot().Sum(m => m.Value)));
        Assert.Equal("s", seconds.Instrument!.Unit);
        Assert.InRange(Assert.Single(seconds.GetMeasurementSnapshot()).Value, 0, 60);
        var logs = server.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 4101 && r.Message.StartsWith("Claimed job good", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Id.Id == 4104 && r.Message.StartsWith("Job bad failed (attempt 1/5); retry at", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Id.Id == 4109 && r.Message.Contains("claimed 2, executed 2, succeeded 1, failed 1", StringComparison.Ordinal));
        foreach (var collector in collectors.Values)
        {
            collector.Dispose();
        }
    }
}
