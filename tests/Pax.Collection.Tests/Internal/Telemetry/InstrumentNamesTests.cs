using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pax.Collection.Internal.Telemetry;
using Pax.TestSupport.Metrics;

namespace Pax.Collection.Tests.Internal.Telemetry;

/// <summary>
/// Metric names are a promise of 0.1: the <c>Pax.Collection</c> meter publishes exactly the instruments the README lists,
/// named and measured as OpenTelemetry asks (opentelemetry.io/docs/specs/semconv/general/naming/#metrics; UCUM units:
/// <c>By</c> for bytes, <c>s</c> for durations as double histograms).
/// </summary>
public sealed class InstrumentNamesTests
{
    [Fact]
    public void The_Pax_Collection_meter_publishes_exactly_the_documented_instruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        _ = new CollectionMetrics(factory);

        Assert.Equal(
            [
                "pax.collection.bytes By Counter<Int64>",
                "pax.collection.camera.duration s Histogram<Double>",
                "pax.collection.run.duration s Histogram<Double>",
                "pax.collection.snapshots {snapshot} Counter<Int64>",
            ],
            PublishedInstruments.Of(factory, CollectionMetrics.MeterName));
    }
}
