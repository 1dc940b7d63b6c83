using System.Diagnostics;
using Pax.GoogleCloud.PubSub;

namespace Pax.GoogleCloud.Tracing.Internal;

/// <summary>
/// The spans of Pax.GoogleCloud, from the <see cref="ActivitySource"/> named <c>Pax.GoogleCloud</c> (docs/architecture.md,
/// "Tracing"): one producer span per published Pub/Sub message, <c>{topic id} create</c>, following OpenTelemetry's
/// messaging conventions (opentelemetry.io/docs/specs/semconv/messaging/gcp-pubsub/) as Google's Node client names them.
/// </summary>
internal static class GoogleCloudTracing
{
    /// <summary>The name of the source: <c>Pax.GoogleCloud</c>.</summary>
    public const string SourceName = "Pax.GoogleCloud";

    /// <summary>The messaging system of Pub/Sub spans: <c>gcp_pubsub</c>.</summary>
    public const string PubSubSystem = "gcp_pubsub";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(GoogleCloudTracing).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Starts the producer span of one message to <paramref name="topic"/> and returns the message to send: a copy whose
    /// attributes carry the span's context (or the ambient one when nothing listens) in <c>googclient_traceparent</c>.
    /// </summary>
    public static (Activity? Span, PubSubOutgoingMessage Message) StartCreate(string topic, PubSubOutgoingMessage message)
    {
        var topicId = topic[(topic.LastIndexOf('/') + 1)..];
        var ambient = Activity.Current;

        // A sibling per message, not a chain: the ambient span stays current for the next message and the request.
        var span = Source.StartActivity($"{topicId} create", ActivityKind.Producer);
        Activity.Current = ambient;
        if (span is not null)
        {
            span.SetTag("messaging.system", PubSubSystem);
            span.SetTag("messaging.operation.name", "create");
            span.SetTag("messaging.operation.type", "create");
            span.SetTag("messaging.destination.name", topicId);
            span.SetTag("gcp.project_id", topic.Split('/')[1]);
            if (message.Data is { Length: > 0 } data)
            {
                span.SetTag("messaging.message.body.size", data.Length);
            }
        }

        var context = span?.Context ?? ambient?.Context;
        if (context is not { } carried || carried == default)
        {
            return (span, message);
        }

        var attributes = message.Attributes is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(message.Attributes, StringComparer.Ordinal);
        TraceContextText.WriteAttributes(attributes, carried);
        return (span, new PubSubOutgoingMessage { Data = message.Data, Attributes = attributes, OrderingKey = message.OrderingKey });
    }

    /// <summary>Ends a span with an error status, naming the exception's type as OpenTelemetry's <c>error.type</c>.</summary>
    public static void Fail(Activity? span, Exception exception)
    {
        if (span is null)
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, exception.Message);
        span.SetTag("error.type", exception.GetType().FullName);
    }
}
