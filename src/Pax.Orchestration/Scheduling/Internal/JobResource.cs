using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>A job as <c>POST /jobs</c> and <c>GET /jobs/{id}</c> answer it (camelCase, like the request).</summary>
internal sealed record JobResource(
    string Id,
    string Type,
    [property: JsonConverter(typeof(RawJsonPayloadConverter))] JsonElement Payload,
    DateTimeOffset ScheduleAt,
    string Status,
    DateTimeOffset? LeaseUntil,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    string? Cron,
    string? TimeZone,
    string Misfire,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static JobResource From(ScheduledJob job) => new(
        job.Id, job.Type, job.Payload, job.ScheduleAt, JobStatusText.Of(job.Status), job.LeaseUntil, job.Attempts, job.MaxAttempts,
        job.LastError, job.Cron, job.TimeZone, job.Misfire.ToString(), job.CreatedAt, job.UpdatedAt);
}
