using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Internal;

/// <summary>
/// The spans of Pax.Orchestration, from the <see cref="ActivitySource"/> named <c>Pax.Orchestration</c>
/// (docs/architecture.md, "Tracing"): the push intake's consumer span, tally record and claim, the trigger, the
/// watchdog's re-drive, the tick and each job run.
/// </summary>
internal static class OrchestrationTracing
{
    /// <summary>The name of the source: <c>Pax.Orchestration</c>.</summary>
    public const string SourceName = "Pax.Orchestration";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(OrchestrationTracing).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Starts the consumer span of a delivered message: the child of the message's context (<c>googclient_traceparent</c>,
    /// else <c>traceparent</c>) when it carries one, linking the request's context (Cloud Run's <c>traceparent</c>) when
    /// that differs; else the child of the request's context.
    /// </summary>
    public static Activity? StartProcess(string? subscription, string? messageId, IReadOnlyDictionary<string, string> attributes, ActivityContext? request)
    {
        var message = TraceContextText.FromAttributes(attributes);
        var parent = message ?? request ?? default;
        IEnumerable<ActivityLink>? links = message is { } m && request is { } r && r != default && (r.TraceId != m.TraceId || r.SpanId != m.SpanId)
            ? [new ActivityLink(r)]
            : null;
        var subscriptionId = subscription?[(subscription.LastIndexOf('/') + 1)..];
        var name = subscriptionId is null ? "process" : $"process {subscriptionId}";

        // A message's context is carried on even when nothing listens, so what is logged while it is handled and the
        // next phase's message stay in its trace rather than in the request's (Cloud Run's).
        var span = message is null
            ? Source.StartActivity(name, ActivityKind.Consumer, parent, links: links)
            : TraceContextText.StartContinuing(Source, name, ActivityKind.Consumer, message, links);
        if (span is not null)
        {
            span.SetTag("messaging.system", GoogleCloudTracing.PubSubSystem);
            span.SetTag("messaging.operation.name", "process");
            span.SetTag("messaging.operation.type", "process");
            span.SetTag("messaging.message.id", messageId);
            span.SetTag("messaging.destination.subscription.name", subscription);
        }

        return span;
    }

    /// <summary>The most span links a trigger carries to the reports of its tally: 32 (the earliest recorded first).</summary>
    public const int MaxReportLinks = 32;

    /// <summary>
    /// The links of a trigger span to the traces the tally's reports were recorded in (<see cref="ProcessorCompletion.TraceParent"/>),
    /// leaving out the trace the trigger runs in, earliest first, at most <see cref="MaxReportLinks"/>.
    /// </summary>
    public static IEnumerable<ActivityLink> ReportLinks(StoredTally tally, ActivityTraceId? current) =>
        tally.Completions.Values
            .OrderBy(c => c.RecordedAt)
            .ThenBy(c => c.Processor, StringComparer.Ordinal)
            .Select(c => TraceContextText.Parse(c.TraceParent, null))
            .OfType<ActivityContext>()
            .Where(c => c.TraceId != current)
            .Take(MaxReportLinks)
            .Select(c => new ActivityLink(c))
            .ToList();

    /// <summary>
    /// The context of an HTTP request: ASP.NET Core's request span when there is one, else its <c>traceparent</c> header
    /// (Cloud Run adds one to every request; Cloud Scheduler sends one).
    /// </summary>
    public static ActivityContext? RequestContext(HttpRequest request) =>
        Activity.Current?.Context ?? TraceContextText.Parse(request.Headers[TraceContextText.TraceParent].ToString(), request.Headers[TraceContextText.TraceState].ToString());

    /// <summary>Starts an internal span of the tally or the scheduler, tagged with the phase and run key when given; the child of <paramref name="parent"/>, else of the current span.</summary>
    public static Activity? StartInternal(string name, string? phase = null, string? runKey = null, IEnumerable<ActivityLink>? links = null, ActivityContext parent = default)
    {
        var span = Source.StartActivity(name, ActivityKind.Internal, parent, links: links);
        if (span is not null && phase is not null)
        {
            span.SetTag("pax.phase", phase);
            span.SetTag("pax.run_key", runKey);
        }

        return span;
    }
}
