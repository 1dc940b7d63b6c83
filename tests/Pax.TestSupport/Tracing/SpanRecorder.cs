using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pax.TestSupport.Tracing;

/// <summary>
/// Records every span the Pax sources (<c>Pax.*</c>) end while it lives, as an OpenTelemetry SDK would see them (all
/// sampled). Listeners are process-wide and tests run in parallel: find a test's spans by its own trace id.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Pax.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Gets the ended spans of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Gets the ended spans of a name, in any trace.</summary>
    public IReadOnlyList<Activity> Named(string name) => _spans.Where(s => s.DisplayName == name).ToList();

    /// <summary>Returns a new remote W3C context, as another process would send it.</summary>
    public static ActivityContext NewRemoteContext() =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    /// <summary>Formats a context as a W3C traceparent.</summary>
    public static string TraceParent(ActivityContext context) => $"00-{context.TraceId}-{context.SpanId}-01";

    public void Dispose() => _listener.Dispose();
}
