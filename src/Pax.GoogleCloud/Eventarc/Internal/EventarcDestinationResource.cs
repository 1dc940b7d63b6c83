namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary><c>Destination</c> (a oneof: <c>cloudRun</c>, <c>cloudFunction</c>, <c>gke</c>, <c>workflow</c>, <c>httpEndpoint</c>); Pax reads <c>cloudRun</c>.</summary>
internal sealed class EventarcDestinationResource
{
    public EventarcCloudRunResource? CloudRun { get; set; }

    public string? CloudFunction { get; set; }
}
