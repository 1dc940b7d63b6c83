using System.Text.Json.Serialization;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The JSON answer of <c>POST /cron/tick</c> (snake_case field names are the contract).</summary>
internal sealed record TickResponse(
    [property: JsonPropertyName("jobs_checked")] int JobsChecked,
    [property: JsonPropertyName("jobs_claimed")] int JobsClaimed,
    [property: JsonPropertyName("jobs_executed")] int JobsExecuted,
    [property: JsonPropertyName("jobs_succeeded")] int JobsSucceeded,
    [property: JsonPropertyName("jobs_failed")] int JobsFailed,
    [property: JsonPropertyName("jobs_skipped_claimed")] int JobsSkippedClaimed,
    [property: JsonPropertyName("jobs_misfire_skipped")] int JobsMisfireSkipped,
    [property: JsonPropertyName("shards_busy")] int ShardsBusy,
    [property: JsonPropertyName("duplicate_delivery")] bool DuplicateDelivery,
    [property: JsonPropertyName("ahead_of_schedule")] bool AheadOfSchedule,
    [property: JsonPropertyName("duration_ms")] long DurationMs)
{
    public static TickResponse From(TickResult r) => new(
        r.JobsChecked, r.JobsClaimed, r.JobsExecuted, r.JobsSucceeded, r.JobsFailed, r.JobsSkippedClaimed, r.JobsMisfireSkipped, r.ShardsBusy, r.DuplicateDelivery, r.AheadOfSchedule, (long)r.Duration.TotalMilliseconds);
}
