using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Watchdog;

public sealed class CompletionWatchdogMetricsTests
{
    [Fact]
    public async Task An_overdue_tally_is_counted_on_the_overdue_metric_with_its_phase()
    {
        var phase = TallyHarness.Named("phase2", "a", "b");
        phase.Deadline = TimeSpan.FromMinutes(30);
        await using var h = TallyHarness.Sqlite(phase);
        using var overdue = new MetricCollector<long>(h.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.overdue_runs");
        await h.RecordAsync("phase2", "a", "k1");

        h.Time.Advance(TimeSpan.FromMinutes(31));
        await h.Watchdog.RunAsync(TestContext.Current.CancellationToken);

        var measurement = Assert.Single(overdue.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("phase2", measurement.Tags["pax.phase"]);
        Assert.Equal("incomplete", measurement.Tags["pax.reason"]);
    }
}
