namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>The Cloud Scheduler v1 <c>Job</c> resource, as far as Pax writes and reads it (HTTP targets only).</summary>
internal sealed class SchedulerJobResource
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Schedule { get; set; }

    public string? TimeZone { get; set; }

    public SchedulerHttpTargetResource? HttpTarget { get; set; }

    public string? AttemptDeadline { get; set; }

    public SchedulerRetryConfigResource? RetryConfig { get; set; }

    /// <summary>Output only: <c>ENABLED</c>, <c>PAUSED</c>, <c>DISABLED</c> or <c>UPDATE_FAILED</c>.</summary>
    public string? State { get; set; }

    /// <summary>Output only: when the job was last created or updated by a user (RFC 3339).</summary>
    public DateTimeOffset? UserUpdateTime { get; set; }

    /// <summary>Output only: the target's answer to the last attempt (never written back: the PATCH of a token switch names <c>httpTarget</c> only).</summary>
    public SchedulerStatusResource? Status { get; set; }

    /// <summary>Output only: when the last attempt started (RFC 3339).</summary>
    public DateTimeOffset? LastAttemptTime { get; set; }
}
