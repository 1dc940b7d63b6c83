using System.Text.Json;

namespace Pax.Orchestration.Scheduling;

/// <summary>A job to create (the body of <c>POST /jobs</c>): only <see cref="Type"/> is required.</summary>
public sealed class ScheduledJobRequest
{
    /// <summary>Gets or sets the id; generated when absent.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the handler type (registered through DI).</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the payload: a JSON object; an empty object when absent.</summary>
    public JsonElement? Payload { get; set; }

    /// <summary>Gets or sets the first run; default now for a one-off job, the next occurrence for a recurring one.</summary>
    public DateTimeOffset? ScheduleAt { get; set; }

    /// <summary>Gets or sets the recurrence (a Cronos cron expression: 5 fields, or 6 with seconds).</summary>
    public string? Cron { get; set; }

    /// <summary>Gets or sets the IANA time zone of <see cref="Cron"/>; default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the attempts per run; default <see cref="SchedulingOptions.DefaultMaxAttempts"/>. Between 1 and 100.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Gets or sets the misfire policy of a recurring job; default <see cref="MisfirePolicy.RunOnce"/>.</summary>
    public MisfirePolicy? Misfire { get; set; }
}
