namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary><c>CloudRun</c>: <c>service</c> (the service id, same project), <c>path</c> and <c>region</c>.</summary>
internal sealed class EventarcCloudRunResource
{
    public string? Service { get; set; }

    public string? Path { get; set; }

    public string? Region { get; set; }
}
