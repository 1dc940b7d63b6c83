using System.Diagnostics.Metrics;
using Pax.Collection.Runs;
using Pax.Collection.Internal.Reports;

namespace Pax.Collection.Internal.Telemetry;

/// <summary>The <c>Pax.Collection</c> meter's instruments.</summary>
internal sealed class CollectionMetrics
{
    /// <summary>The meter's name; listen to it with OpenTelemetry or dotnet-counters.</summary>
    public const string MeterName = "Pax.Collection";

    private readonly Counter<long> _snapshots;
    private readonly Counter<long> _bytes;
    private readonly Histogram<double> _cameraDuration;
    private readonly Histogram<double> _runDuration;

    public CollectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _snapshots = meter.CreateCounter<long>("pax.collection.snapshots", "{snapshot}", "Cameras processed, tagged with their outcome.");
        _bytes = meter.CreateCounter<long>("pax.collection.bytes", "By", "Image bytes stored.");
        _cameraDuration = meter.CreateHistogram<double>("pax.collection.camera.duration", "s", "Time to fetch, validate and store one camera's snapshot.");
        _runDuration = meter.CreateHistogram<double>("pax.collection.run.duration", "s", "Wall time of a collection run.");
    }

    public void RecordCamera(CameraOutcome outcome)
    {
        var tag = new KeyValuePair<string, object?>("pax.outcome", ReportWireNames.Of(outcome.Outcome));
        _snapshots.Add(1, tag);
        _cameraDuration.Record(outcome.Duration.TotalSeconds, tag);
        if (outcome.Outcome == CameraOutcomeKind.Stored && outcome.Bytes is { } bytes)
        {
            _bytes.Add(bytes);
        }
    }

    public void RecordRun(CollectionReport report) =>
        _runDuration.Record(report.Duration.TotalSeconds, new KeyValuePair<string, object?>("pax.succeeded", report.Succeeded));
}
