namespace Pax.GoogleCloud.Run.Internal;

/// <summary><c>ListJobsResponse</c>: <c>{"jobs":[…],"nextPageToken":"…"}</c> (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/list).</summary>
internal sealed class CloudRunJobList
{
    public List<CloudRunJobResource>? Jobs { get; set; }

    public string? NextPageToken { get; set; }
}
