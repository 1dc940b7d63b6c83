namespace Pax.GoogleCloud.Eventarc.Internal;

/// <summary><c>ListTriggersResponse</c>: <c>{"triggers":[…],"nextPageToken":"…","unreachable":[…]}</c> (cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers/list).</summary>
internal sealed class EventarcTriggerList
{
    public List<EventarcTriggerResource>? Triggers { get; set; }

    public string? NextPageToken { get; set; }

    public List<string>? Unreachable { get; set; }
}
