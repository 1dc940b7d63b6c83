namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>The job resource's <c>retryConfig</c>; durations in the JSON Duration form (<c>5s</c>).</summary>
internal sealed class SchedulerRetryConfigResource
{
    public int? RetryCount { get; set; }

    public string? MaxRetryDuration { get; set; }

    public string? MinBackoffDuration { get; set; }

    public string? MaxBackoffDuration { get; set; }

    public int? MaxDoublings { get; set; }
}
