namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary><c>ListJobsResponse</c>: <c>{"jobs":[…],"nextPageToken":"…"}</c> (cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/list).</summary>
internal sealed class SchedulerJobList
{
    public List<SchedulerJobResource>? Jobs { get; set; }

    public string? NextPageToken { get; set; }
}
