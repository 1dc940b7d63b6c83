using System.Text;
using System.Text.Json;
using Pax.GoogleCloud.PubSub;

namespace Pax.Orchestration.Scheduling.Handlers;

/// <summary>
/// The built-in <c>pubsub</c> job type: publishes <c>payload.data</c> to <c>payload.topic</c>
/// (<c>projects/P/topics/T</c>). A string is sent as its UTF-8 bytes, any other JSON value as its JSON text. Optional
/// <c>payload.attributes</c> (string values) are added, and the attribute <c>idempotencyKey</c>
/// (<see cref="ScheduledJobContext.IdempotencyKey"/>) lets subscribers drop a repeated run.
/// </summary>
public sealed class PubSubJobHandler : IScheduledJobHandler
{
    /// <summary>The job type: <c>pubsub</c>.</summary>
    public const string JobType = "pubsub";

    private readonly PubSubPublisherClient _publisher;

    /// <summary>Initializes the handler.</summary>
    /// <param name="publisher">The Pub/Sub client.</param>
    internal PubSubJobHandler(PubSubPublisherClient publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
    }

    /// <inheritdoc />
    public string? ValidatePayload(JsonElement payload)
    {
        if (!payload.TryGetProperty("topic", out var topic) || !PubSubPublisherClient.IsTopicName(topic.ValueKind == JsonValueKind.String ? topic.GetString() : null))
        {
            return "'topic' must be a topic name: projects/{project}/topics/{topic}";
        }

        if (!payload.TryGetProperty("data", out var data) || data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "'data' is required (a string, or any JSON value sent as JSON text)";
        }

        if (payload.TryGetProperty("attributes", out var attributes)
            && (attributes.ValueKind != JsonValueKind.Object || attributes.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.String)))
        {
            return "'attributes' must be an object of string values";
        }

        return null;
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ValidatePayload(context.Payload) is { } problem)
        {
            throw new InvalidOperationException($"Job '{context.Job.Id}': {problem}.");
        }

        var payload = context.Payload;
        var data = payload.GetProperty("data");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.TryGetProperty("attributes", out var given))
        {
            foreach (var attribute in given.EnumerateObject())
            {
                attributes[attribute.Name] = attribute.Value.GetString()!;
            }
        }

        attributes["idempotencyKey"] = context.IdempotencyKey;
        var message = new PubSubOutgoingMessage
        {
            Data = Encoding.UTF8.GetBytes(data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText()),
            Attributes = attributes,
        };
        await _publisher.PublishAsync(payload.GetProperty("topic").GetString()!, [message], cancellationToken).ConfigureAwait(false);
    }
}
