namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary><c>DeadLetterPolicy</c>: where undeliverable messages go.</summary>
internal sealed class PubSubDeadLetterPolicyResource
{
    public string? DeadLetterTopic { get; set; }

    /// <summary>Delivery attempts before a message goes to the dead-letter topic (5-100; 5 when not set).</summary>
    public int? MaxDeliveryAttempts { get; set; }
}
