namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary>Body of <c>topics/{t}:publish</c>.</summary>
internal sealed class PubSubPublishRequest
{
    public List<PubSubOutgoingMessage> Messages { get; set; } = [];
}
