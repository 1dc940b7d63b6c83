using System.Globalization;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Run.Internal;
using Pax.Tool.Doctor.Checks;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Evidence;

/// <summary>
/// A Cloud Run job's latest executions (<c>GET v2/{job}/executions</c>, cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs.executions),
/// judged as the orchestrator's re-drive judges them (<see cref="CloudRunExecution.FailedOrCancelled"/>): an execution
/// with a task that failed all its attempts (<c>failedCount</c>) or was cancelled (<c>cancelledCount</c>) fails, and so
/// does one whose <c>Completed</c> condition is <c>CONDITION_FAILED</c> (one that failed before any task ran moves no
/// count) or, once it has a <c>completionTime</c>, anything but <c>CONDITION_SUCCEEDED</c>; any other with a
/// <c>completionTime</c> succeeded; one without is still running. The job fails in the live project when its latest
/// finished execution failed.
/// </summary>
internal static class ExecutionEvidence
{
    /// <summary>How many of the latest executions are read.</summary>
    public const int Latest = 5;

    public static LiveEvidence From(string job, IReadOnlyList<CloudRunExecution> executions, DateTimeOffset now)
    {
        var name = ResourceName.Parse(job);
        var fix = $"gcloud logging read 'resource.type=\"cloud_run_job\" AND resource.labels.job_name=\"{name.Id}\" AND severity>=ERROR' --project={name.Project} --freshness=1d --limit=20";
        if (executions.Count == 0)
        {
            return new LiveEvidence(job, ["No execution listed (Cloud Run keeps the most recent 1,000 and those of the last 7 days)."], null, fix);
        }

        var ordered = executions.OrderByDescending(e => Created(e) ?? DateTimeOffset.MinValue).ToArray();
        var failed = ordered.Count(e => e.FailedOrCancelled);
        var running = ordered.Count(e => !e.FailedOrCancelled && e.CompletionTime is null);
        var succeeded = ordered.Length - failed - running;
        var latest = ordered[0];
        var lines = new List<string>
        {
            $"Latest {ordered.Length} execution(s): {failed} failed, {succeeded} succeeded, {running} running; the latest, {Id(latest)}, created {When(latest, now)}, {Outcome(latest)}.",
        };
        var finished = ordered.FirstOrDefault(e => e.FailedOrCancelled || e.CompletionTime is not null);
        string? failure = null;
        if (finished is { FailedOrCancelled: true })
        {
            failure = $"its latest finished execution, {Id(finished)} ({When(finished, now)}), {Outcome(finished)}";
            fix = $"gcloud run jobs executions describe {Id(finished)} --region={name.Location} --project={name.Project}";
        }

        return new LiveEvidence(job, lines, failure, fix);
    }

    private static string Outcome(CloudRunExecution execution) => execution switch
    {
        { FailedCount: > 0 } => $"failed ({execution.FailedCount} task(s) failed all their attempts)",
        { CancelledCount: > 0 } => $"was cancelled ({execution.CancelledCount} task(s) cancelled)",
        { FailedOrCancelled: true } => $"{(execution.CompletedCondition?.State == CloudRunCondition.Failed ? "failed with no failed task" : "did not succeed")} ({Completed(execution)})",
        { CompletionTime: null } => "is running",
        _ => "succeeded",
    };

    private static string Completed(CloudRunExecution execution) =>
        $"its Completed condition is {execution.CompletedCondition?.State}"
        + (string.IsNullOrWhiteSpace(execution.CompletedCondition?.Message) ? string.Empty : $": {execution.CompletedCondition.Message.Trim()}");

    private static string Id(CloudRunExecution execution) => execution.Name?.Split('/')[^1] ?? "(unnamed)";

    private static string When(CloudRunExecution execution, DateTimeOffset now) =>
        Created(execution) is { } created ? EvidenceText.TimeAgo(created, now) : "at an unknown time";

    private static DateTimeOffset? Created(CloudRunExecution execution) =>
        DateTimeOffset.TryParse(execution.CreateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
