using System.Text.Json;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// Publishes the next-phase message to a topic: data <c>{"phase","runKey","idempotencyKey","completed"}</c> and the
/// handover's attributes (<see cref="PhaseHandover"/>) <c>phase</c> (the completed phase), <c>runKey</c> and
/// <c>idempotencyKey</c>.
/// At least once: a re-drive after an attempt that was published but not marked publishes again (Pax cannot read
/// what a topic received), and Pub/Sub itself may deliver a message twice, so subscribers deduplicate on the
/// <c>idempotencyKey</c> attribute.
/// </summary>
internal sealed class PubSubTopicTrigger : IPhaseTrigger
{
    private readonly PubSubPublisherClient _publisher;

    /// <summary>Initializes a trigger for <paramref name="topic"/>.</summary>
    /// <param name="publisher">The publisher from DI.</param>
    /// <param name="topic">The topic: <c>projects/P/topics/T</c>.</param>
    /// <exception cref="ArgumentException">The topic name is not valid.</exception>
    public PubSubTopicTrigger(PubSubPublisherClient publisher, string topic)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        if (!PubSubPublisherClient.IsTopicName(topic))
        {
            throw new ArgumentException($"'{topic}' is not a topic name: use projects/P/topics/T.", nameof(topic));
        }

        _publisher = publisher;
        Topic = topic;
    }

    /// <summary>Gets the topic.</summary>
    public string Topic { get; }

    /// <inheritdoc />
    public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new PubSubOutgoingMessage
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(TriggerPayload.From(request), OrchestrationJsonContext.Default.TriggerPayload),
            Attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [PhaseHandover.PhaseAttribute] = request.Phase,
                [PhaseHandover.RunKeyAttribute] = request.RunKey,
                [PhaseHandover.IdempotencyKeyAttribute] = request.IdempotencyKey,
            },
        };
        await _publisher.PublishAsync(Topic, [message], cancellationToken).ConfigureAwait(false);
    }
}
