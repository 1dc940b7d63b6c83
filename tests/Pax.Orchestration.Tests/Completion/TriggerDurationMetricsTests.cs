using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

public sealed class TriggerDurationMetricsTests
{
    [Fact]
    public async Task A_trigger_re_driven_ten_minutes_after_the_last_report_records_600_seconds()
    {
        await using var h = TallyHarness.Sqlite(TallyHarness.Named("phase2", "a"));
        var meters = h.Services.GetRequiredService<IMeterFactory>();
        using var seconds = new MetricCollector<double>(meters, "Pax.Orchestration", "pax.orchestration.trigger.duration");
        h.Trigger.FailNext(1);
        await h.RecordAsync("phase2", "a", "k1");

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.Watchdog.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal("s", seconds.Instrument!.Unit);
        Assert.Equal(600, Assert.Single(seconds.GetMeasurementSnapshot()).Value, 3);
    }
}
