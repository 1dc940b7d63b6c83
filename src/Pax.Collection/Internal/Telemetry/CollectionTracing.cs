using System.Diagnostics;

namespace Pax.Collection.Internal.Telemetry;

/// <summary>
/// The spans of Pax.Collection, from the <see cref="ActivitySource"/> named <c>Pax.Collection</c> (docs/architecture.md,
/// "Tracing"): the collector run (the child of <c>TRACEPARENT</c> when the execution was started in a trace), and per
/// camera <c>camera fetch</c> and <c>camera store</c>. The completion the run publishes is a child of the run span.
/// </summary>
internal static class CollectionTracing
{
    /// <summary>The name of the source: <c>Pax.Collection</c>.</summary>
    public const string SourceName = "Pax.Collection";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(CollectionTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span of one camera, tagged with its id.</summary>
    public static Activity? StartCamera(string name, string cameraId)
    {
        var span = Source.StartActivity(name);
        span?.SetTag("pax.camera", cameraId);
        return span;
    }
}
