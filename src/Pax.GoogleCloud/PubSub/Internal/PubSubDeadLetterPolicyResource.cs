namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary><c>DeadLetterPolicy</c>: where undeliverable messages go.</summary>
internal sealed class PubSubDeadLetterPolicyResource
{
    public string? DeadLetterTopic { get; set; }
}
