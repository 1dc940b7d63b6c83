namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary>Answer of <c>topics/{t}:publish</c>.</summary>
internal sealed class PubSubPublishResponse
{
    public List<string>? MessageIds { get; set; }
}
