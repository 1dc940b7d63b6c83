namespace Pax.GoogleCloud.Deployment;

/// <summary>
/// How Cloud Scheduler retries a failed attempt (<c>retryConfig</c> of the job resource). Properties left
/// <see langword="null"/> take Cloud Scheduler's defaults. Attempts of one scheduled run carry the same
/// <c>X-CloudScheduler-ScheduleTime</c>, so a receiver can deduplicate them.
/// </summary>
public sealed record SchedulerRetryConfig
{
    /// <summary>Gets how many times a failed attempt is retried.</summary>
    /// <value>Default <see langword="null"/>: Cloud Scheduler's 0. Between 0 and 5.</value>
    public int? RetryCount { get; init; }

    /// <summary>Gets how long after the first attempt retries may still start.</summary>
    /// <value>Default <see langword="null"/>: unlimited (only <see cref="RetryCount"/> bounds the retries).</value>
    public TimeSpan? MaxRetryDuration { get; init; }

    /// <summary>Gets the shortest wait before a retry.</summary>
    /// <value>Default <see langword="null"/>: Cloud Scheduler's 5 seconds.</value>
    public TimeSpan? MinBackoffDuration { get; init; }

    /// <summary>Gets the longest wait before a retry.</summary>
    /// <value>Default <see langword="null"/>: Cloud Scheduler's 1 hour. At least <see cref="MinBackoffDuration"/>.</value>
    public TimeSpan? MaxBackoffDuration { get; init; }

    /// <summary>Gets how many times the wait doubles before it grows linearly.</summary>
    /// <value>Default <see langword="null"/>: Cloud Scheduler's 5. Not negative.</value>
    public int? MaxDoublings { get; init; }

    /// <summary>Throws when the configuration cannot be sent.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    internal void Validate()
    {
        if (RetryCount is < 0 or > 5)
        {
            throw new ArgumentException($"RetryCount must be between 0 and 5 (was {RetryCount}).", nameof(RetryCount));
        }

        if (MaxDoublings < 0)
        {
            throw new ArgumentException($"MaxDoublings must not be negative (was {MaxDoublings}).", nameof(MaxDoublings));
        }

        foreach (var (name, value) in new[] { (nameof(MaxRetryDuration), MaxRetryDuration), (nameof(MinBackoffDuration), MinBackoffDuration), (nameof(MaxBackoffDuration), MaxBackoffDuration) })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentException($"{name} must not be negative (was {value}).", name);
            }
        }

        if (MinBackoffDuration > MaxBackoffDuration)
        {
            throw new ArgumentException($"MinBackoffDuration ({MinBackoffDuration}) must not exceed MaxBackoffDuration ({MaxBackoffDuration}).", nameof(MinBackoffDuration));
        }
    }
}
