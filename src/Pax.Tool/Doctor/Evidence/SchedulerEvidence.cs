using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Checks;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Evidence;

/// <summary>
/// A Scheduler job's last attempt, from the job itself: <c>lastAttemptTime</c> ("The time the last job attempt started")
/// and <c>status</c> ("The response from the target for the last attempted execution", a <c>google.rpc.Status</c>)
/// (cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs#Job). A code other than OK is a failure.
/// </summary>
internal static class SchedulerEvidence
{
    public static LiveEvidence From(SchedulerJob job, DateTimeOffset now)
    {
        var name = ResourceName.Parse(job.Name);
        var fix = $"gcloud logging read 'resource.type=\"cloud_scheduler_job\" AND resource.labels.job_id=\"{name.Id}\" AND resource.labels.location=\"{name.Location}\"' --project={name.Project} --freshness=1d --limit=20";
        var lines = new List<string>();
        if (job.State is { } state && state != "ENABLED")
        {
            lines.Add($"The job is {state}.");
        }

        if (job.LastAttemptTime is not { } attempted)
        {
            lines.Add("No attempt yet (lastAttemptTime is empty).");
            return new LiveEvidence(job.Name, lines, null, fix);
        }

        var code = job.LastAttemptCode ?? 0;
        if (code == 0)
        {
            lines.Add($"Last attempt {EvidenceText.TimeAgo(attempted, now)}: OK.");
            return new LiveEvidence(job.Name, lines, null, fix);
        }

        var message = string.IsNullOrWhiteSpace(job.LastAttemptMessage) ? string.Empty : $": {job.LastAttemptMessage.Trim()}";
        lines.Add($"Last attempt {EvidenceText.TimeAgo(attempted, now)} failed with {EvidenceText.RpcCode(code)}{message}.");
        return new LiveEvidence(job.Name, lines, $"its last attempt ({EvidenceText.Time(attempted)}) failed with {EvidenceText.RpcCode(code)}", fix);
    }
}
