using System.Collections.Concurrent;
using System.Diagnostics;
using Pax.Orchestration.Completion.Triggers;

namespace Pax.Demo.Tracing;

/// <summary>
/// Records the trace of one slot's run with a plain <see cref="ActivityListener"/> (no OpenTelemetry SDK): the demo's
/// root span <c>slot {runKey}</c> and every span of the Pax sources (<c>Pax.*</c>) started in its trace — the collector's
/// tasks, their reports' publish and intake, the tallies, the triggers and the next phases — and nothing of any other
/// trace in the process. <see cref="Tree"/> gives them back as a tree once the run is over.
/// </summary>
public sealed class SlotTrace : IDisposable
{
    /// <summary>The demo's own ActivitySource: the slot's root span and the next phases' spans.</summary>
    public const string SourceName = "Pax.Demo";

    /// <summary>The sources (and meters) the demo exports over OTLP: its own and those of the Pax packages it runs.</summary>
    public static readonly string[] ExportedSources = [SourceName, "Pax.Collection", "Pax.GoogleCloud", "Pax.Orchestration", "Pax.Orchestration.Abstractions"];

    internal static readonly ActivitySource Source = new(SourceName);

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _ended = new();
    private ActivityTraceId _trace;

    /// <summary>Initializes a recorder; it listens until disposed.</summary>
    public SlotTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Pax.", StringComparison.Ordinal),
            Sample = Sample,
            ActivityStopped = span =>
            {
                if (span.TraceId == _trace)
                {
                    _ended.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Gets the trace id of the slot's run, once <see cref="Start"/> was called.</summary>
    public ActivityTraceId TraceId => _trace;

    /// <summary>Starts the slot's root span, a new trace (whatever span is current); the run's work goes inside it.</summary>
    /// <param name="runKey">The slot's run key.</param>
    /// <returns>The root span; dispose it when the run is over.</returns>
    public Activity Start(string runKey)
    {
        Activity.Current = null;
        var root = Source.StartActivity($"slot {runKey}", ActivityKind.Internal)!;
        root.SetTag("pax.run_key", runKey);
        _trace = root.TraceId;
        return root;
    }

    /// <summary>Starts the span of a next phase the trigger of <paramref name="request"/>'s phase started in-process.</summary>
    /// <param name="handler">The next phase's handler.</param>
    /// <param name="request">What the trigger sent.</param>
    /// <returns>The span, or <see langword="null"/> when nothing listens.</returns>
    public static Activity? StartNextPhase(string handler, PhaseTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var span = Source.StartActivity($"next phase {handler}", ActivityKind.Internal);
        span?.SetTag("pax.phase", request.Phase);
        span?.SetTag("pax.run_key", request.RunKey);
        span?.SetTag("pax.redrive", request.Redrive);
        return span;
    }

    /// <summary>Returns the spans of the slot's trace that ended, as a tree under the root (children by start time).</summary>
    /// <returns>The root, or <see langword="null"/> before the root ended.</returns>
    public TraceNode? Tree()
    {
        var spans = _ended.ToList();
        var byParent = spans.ToLookup(s => s.ParentSpanId);
        var root = spans.FirstOrDefault(s => s.Source == Source && s.ParentSpanId == default);
        return root is null ? null : Node(root);

        TraceNode Node(Activity span) => new(span.DisplayName, Label(span), span.Duration, [.. byParent[span.SpanId].OrderBy(s => s.StartTimeUtc).Select(Node)]);
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>What tells spans of one name apart (the processor, the collector task, the camera, the message) and a trigger's links to other reports' traces.</summary>
    private static string? Label(Activity span)
    {
        var what = span.GetTagItem("pax.processor") as string
            ?? (span.GetTagItem("pax.task_index") is { } task ? FormattableString.Invariant($"task {task}") : null)
            ?? span.GetTagItem("pax.camera") as string
            ?? (span.GetTagItem("messaging.message.id") is string id ? "message " + id : null);
        var links = span.Links.Count();
        return links == 0 ? what : string.Join(", ", new[] { what, FormattableString.Invariant($"links {links} other report{(links == 1 ? string.Empty : "s")}") }.OfType<string>());
    }

    // A slot's root (the demo's own, without a parent) and whatever is started in a recorded slot's trace.
    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options) =>
        (options.Source == Source && options.Parent == default) || (_trace != default && options.Parent.TraceId == _trace)
            ? ActivitySamplingResult.AllDataAndRecorded
            : ActivitySamplingResult.None;
}
