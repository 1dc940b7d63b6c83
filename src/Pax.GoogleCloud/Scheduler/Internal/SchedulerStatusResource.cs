namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>
/// The job's <c>status</c> (output only): "The response from the target for the last attempted execution", a
/// <c>google.rpc.Status</c> — <c>code</c> (a <c>google.rpc.Code</c>; absent or 0 is OK) and <c>message</c>
/// (cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs#Job).
/// </summary>
internal sealed class SchedulerStatusResource
{
    public int? Code { get; set; }

    public string? Message { get; set; }
}
