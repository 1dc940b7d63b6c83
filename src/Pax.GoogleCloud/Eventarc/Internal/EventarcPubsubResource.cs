namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary><c>Pubsub</c> transport: <c>topic</c> and, output only, <c>subscription</c> (<c>projects/P/subscriptions/S</c>).</summary>
internal sealed class EventarcPubsubResource
{
    public string? Topic { get; set; }

    public string? Subscription { get; set; }
}
