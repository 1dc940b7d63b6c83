namespace Pax.GoogleCloud.Run.Internal;

/// <summary><c>ListServicesResponse</c>: <c>{"services":[…],"nextPageToken":"…"}</c> (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/list).</summary>
internal sealed class CloudRunServiceList
{
    public List<CloudRunServiceResource>? Services { get; set; }

    public string? NextPageToken { get; set; }
}
