using Pax.GoogleCloud.PubSub;

namespace Pax.Orchestration.Completion;

/// <summary>
/// The processor side: publishes "I am done for this run key" in the schema the intake reads
/// (<see cref="CompletionWireFormat"/>), after checking the names with <see cref="CompletionNames"/>.
/// A collector task reports with run key = its slot and processor = <c>collector/{task index}</c>.
/// The Pub/Sub implementation of <see cref="ICompletionPublisher"/>, built by DI: <c>AddPaxCollection</c> and
/// <c>AddPaxOrchestration</c> register it.
/// </summary>
public sealed class CompletionPublisher : ICompletionPublisher
{
    private readonly PubSubPublisherClient _publisher;

    /// <summary>Initializes a publisher over Pax's internal Pub/Sub client.</summary>
    /// <param name="publisher">The Pub/Sub client from DI (<c>AddPaxGoogleCloud</c>).</param>
    internal CompletionPublisher(PubSubPublisherClient publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
    }

    /// <summary>Publishes a completion.</summary>
    /// <param name="topic">The completions topic: <c>projects/P/topics/T</c>.</param>
    /// <param name="message">The report (its message id is ignored: Pub/Sub assigns one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The Pub/Sub message id.</returns>
    /// <exception cref="ArgumentException">The processor or run key is not valid, or the topic name is malformed.</exception>
    /// <exception cref="GoogleCloud.GoogleApiException">Pub/Sub refused the publish (grant <c>roles/pubsub.publisher</c> on the topic).</exception>
    public async Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
    {
        if (CompletionNames.ValidateMessage(message) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        var outgoing = CompletionWireFormat.Encode(message);
        var ids = await _publisher.PublishAsync(topic, [outgoing], cancellationToken).ConfigureAwait(false);
        return ids[0];
    }
}
