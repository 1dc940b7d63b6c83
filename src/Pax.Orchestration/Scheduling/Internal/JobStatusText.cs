namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The stored spelling of statuses and misfire policies (<c>pending</c>, <c>run_once</c>, …).</summary>
internal static class JobStatusText
{
    public static string Of(ScheduledJobStatus status) => status switch
    {
        ScheduledJobStatus.Pending => "pending",
        ScheduledJobStatus.Running => "running",
        ScheduledJobStatus.Completed => "completed",
        _ => "failed",
    };

    public static ScheduledJobStatus ParseStatus(string? text) => text switch
    {
        "pending" => ScheduledJobStatus.Pending,
        "running" => ScheduledJobStatus.Running,
        "completed" => ScheduledJobStatus.Completed,
        "failed" => ScheduledJobStatus.Failed,
        _ => throw new FormatException($"'{text}' is not a job status (pending, running, completed, failed)."),
    };

    public static string Of(MisfirePolicy policy) => policy switch
    {
        MisfirePolicy.RunAll => "run_all",
        MisfirePolicy.Skip => "skip",
        _ => "run_once",
    };

    public static MisfirePolicy ParseMisfire(string? text) => text switch
    {
        "run_all" => MisfirePolicy.RunAll,
        "skip" => MisfirePolicy.Skip,
        _ => MisfirePolicy.RunOnce,
    };
}
