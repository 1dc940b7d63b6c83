namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary>
/// The fields of the v1 <c>Trigger</c> resource Pax reads (cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers#Trigger):
/// <c>name</c>, <c>serviceAccount</c> (the identity whose ID token is sent), <c>destination.cloudRun</c> and
/// <c>transport.pubsub.subscription</c> (output only: the subscription Eventarc manages for it).
/// </summary>
internal sealed class EventarcTriggerResource
{
    public string? Name { get; set; }

    public string? ServiceAccount { get; set; }

    public EventarcDestinationResource? Destination { get; set; }

    public EventarcTransportResource? Transport { get; set; }
}
