namespace Pax.GoogleCloud.PubSub;

/// <summary>A Pub/Sub subscription as listed (the fields Pax reads).</summary>
/// <param name="Name">The resource name: <c>projects/P/subscriptions/S</c>.</param>
/// <param name="Topic">The topic: <c>projects/P/topics/T</c> (<c>_deleted-topic_</c> when deleted).</param>
/// <param name="PushEndpoint">The push endpoint, or <see langword="null"/> for a pull subscription.</param>
/// <param name="PushServiceAccount">The service account whose OIDC token a push carries, or <see langword="null"/> when it sends none.</param>
/// <param name="PushAudience">The token's audience as configured (<see langword="null"/>: the endpoint URL).</param>
/// <param name="AckDeadlineSeconds">The acknowledgement deadline in seconds, when given.</param>
/// <param name="DeadLetterTopic">The dead-letter topic, or <see langword="null"/> without a dead-letter policy.</param>
/// <param name="Labels">The labels (Eventarc marks the subscriptions it manages).</param>
internal sealed record PubSubSubscription(
    string Name,
    string? Topic,
    Uri? PushEndpoint,
    string? PushServiceAccount,
    string? PushAudience,
    int? AckDeadlineSeconds,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Gets the delivery attempts before a message is dead-lettered (<c>deadLetterPolicy.maxDeliveryAttempts</c>; Pub/Sub's default 5 when a policy sets none), or <see langword="null"/> without a policy.</summary>
    internal int? DeadLetterMaxDeliveryAttempts { get; init; }
}
