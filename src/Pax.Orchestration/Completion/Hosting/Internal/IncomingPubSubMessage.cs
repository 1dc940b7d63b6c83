namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>A Pub/Sub message as the intake received it, whatever the delivery form.</summary>
internal sealed record IncomingPubSubMessage(string? MessageId, byte[] Data, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset? PublishTime, string? Subscription = null);
