using System.Diagnostics;

namespace Pax.GoogleCloud.Tracing.Internal;

/// <summary>
/// The W3C trace context (www.w3.org/TR/trace-context) where Pax carries it between processes, and the one place those
/// names are written: the Pub/Sub attributes Google's own clients use (<c>googclient_traceparent</c>,
/// <c>googclient_tracestate</c> — the OpenTelemetry propagator's keys behind the prefix <c>googclient_</c>, as
/// googleapis/nodejs-pubsub src/telemetry-tracing.ts <c>PubsubMessageGetSet.keyPrefix</c> writes them), the plain
/// <c>traceparent</c> attribute or header, and the <c>TRACEPARENT</c> environment variable of a Cloud Run Job execution.
/// </summary>
internal static class TraceContextText
{
    /// <summary>The Pub/Sub attribute Google's clients write the W3C traceparent to.</summary>
    public const string GoogleTraceParentAttribute = "googclient_traceparent";

    /// <summary>The Pub/Sub attribute Google's clients write the W3C tracestate to (only when there is one).</summary>
    public const string GoogleTraceStateAttribute = "googclient_tracestate";

    /// <summary>The W3C header (and the attribute read when <see cref="GoogleTraceParentAttribute"/> is missing).</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The W3C tracestate header (and attribute read beside <see cref="TraceParent"/>).</summary>
    public const string TraceState = "tracestate";

    /// <summary>The environment variable a Cloud Run Job execution reads its parent context from.</summary>
    public const string TraceParentVariable = "TRACEPARENT";

    /// <summary>The environment variable of the tracestate beside <see cref="TraceParentVariable"/>.</summary>
    public const string TraceStateVariable = "TRACESTATE";

    /// <summary>
    /// Starts <paramref name="name"/> from <paramref name="source"/> as the child of <paramref name="parent"/>; when nothing
    /// listens to the source (no OpenTelemetry SDK wired) but a remote parent came with the work, starts a plain
    /// <see cref="Activity"/> under that parent instead, so the work still runs in the caller's trace: the log lines written
    /// meanwhile carry it (the Cloud Logging JSON logger reads <see cref="Activity.Current"/>) and the messages it publishes
    /// pass it on (<c>googclient_traceparent</c>). Without a remote parent and without a listener, nothing is started.
    /// </summary>
    public static Activity? StartContinuing(ActivitySource source, string name, ActivityKind kind, ActivityContext? parent, IEnumerable<ActivityLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var span = source.StartActivity(name, kind, parent ?? default, links: links);
        if (span is not null || parent is not { } remote || remote == default)
        {
            return span;
        }

        var continued = new Activity(name);
        continued.SetParentId(remote.TraceId, remote.SpanId, remote.TraceFlags);
        continued.TraceStateString = remote.TraceState;
        return continued.Start();
    }

    /// <summary>Formats a context as a W3C traceparent: <c>00-{trace id}-{span id}-{flags}</c>.</summary>
    public static string Format(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((int)context.TraceFlags & 0xff):x2}";

    /// <summary>Parses a W3C traceparent (and tracestate) into a remote context; <see langword="null"/> when absent or malformed.</summary>
    public static ActivityContext? Parse(string? traceParent, string? traceState) =>
        !string.IsNullOrEmpty(traceParent) && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : null;

    /// <summary>Reads a Pub/Sub message's context: <c>googclient_traceparent</c>, else <c>traceparent</c>.</summary>
    public static ActivityContext? FromAttributes(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        return Parse(attributes.GetValueOrDefault(GoogleTraceParentAttribute), attributes.GetValueOrDefault(GoogleTraceStateAttribute))
            ?? Parse(attributes.GetValueOrDefault(TraceParent), attributes.GetValueOrDefault(TraceState));
    }

    /// <summary>Reads the context a Cloud Run Job execution was started in: <c>TRACEPARENT</c> (and <c>TRACESTATE</c>).</summary>
    public static ActivityContext? FromEnvironment(Func<string, string?> getVariable) =>
        Parse(getVariable(TraceParentVariable), getVariable(TraceStateVariable));

    /// <summary>Writes <paramref name="context"/> to <paramref name="attributes"/> as Google's clients do: <c>googclient_traceparent</c>, and <c>googclient_tracestate</c> when present.</summary>
    public static void WriteAttributes(IDictionary<string, string> attributes, ActivityContext context)
    {
        attributes[GoogleTraceParentAttribute] = Format(context);
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            attributes[GoogleTraceStateAttribute] = context.TraceState;
        }
    }
}
