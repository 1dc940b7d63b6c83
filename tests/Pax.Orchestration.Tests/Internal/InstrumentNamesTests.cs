using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Scheduling.Internal;
using Pax.TestSupport.Metrics;

namespace Pax.Orchestration.Tests.Internal;

/// <summary>
/// Metric names are a promise of 0.1: the <c>Pax.Orchestration</c> meter publishes exactly the instruments the README
/// lists, named and measured as OpenTelemetry asks (opentelemetry.io/docs/specs/semconv/general/naming/#metrics:
/// counters of countable things plural with a <c>{thing}</c> unit; durations as double histograms in seconds).
/// </summary>
public sealed class InstrumentNamesTests
{
    [Fact]
    public void The_Pax_Orchestration_meter_publishes_exactly_the_documented_instruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        _ = new OrchestrationMetrics(factory);
        _ = new SchedulingMetrics(factory);

        Assert.Equal(
            [
                "pax.orchestration.deliveries {delivery} Counter<Int64>",
                "pax.orchestration.overdue_runs {run} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_checked {job} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_claimed {job} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_executed {job} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_failed {job} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_skipped_claimed {job} Counter<Int64>",
                "pax.orchestration.scheduling.jobs_succeeded {job} Counter<Int64>",
                "pax.orchestration.scheduling.shards_busy {shard} Counter<Int64>",
                "pax.orchestration.scheduling.tick.duration s Histogram<Double>",
                "pax.orchestration.scheduling.ticks {tick} Counter<Int64>",
                "pax.orchestration.trigger.duration s Histogram<Double>",
                "pax.orchestration.triggers {trigger} Counter<Int64>",
            ],
            PublishedInstruments.Of(factory, OrchestrationMetrics.MeterName));
    }
}
