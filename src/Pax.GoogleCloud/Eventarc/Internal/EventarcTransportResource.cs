namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary><c>Transport</c>: <c>pubsub</c> with the topic and the managed <c>subscription</c>.</summary>
internal sealed class EventarcTransportResource
{
    public EventarcPubsubResource? Pubsub { get; set; }
}
