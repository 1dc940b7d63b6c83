namespace Pax.GoogleCloud;

/// <summary>
/// Retry timing for Google API calls, after Google's retry strategy (cloud.google.com/storage/docs/retry-strategy):
/// truncated exponential backoff with jitter. The delay before retry <c>n</c> (0-based) is
/// <c>min(InitialDelay × Multiplier^n + random(0, InitialDelay), MaxDelay)</c>, which with the defaults is Google's
/// documented "2^n seconds plus up to one second, at most 32 seconds".
/// Which requests are retried is decided per request: Pax's clients retry idempotent reads and writes guarded by a
/// precondition, never other mutations.
/// </summary>
public sealed class GoogleRetryOptions
{
    /// <summary>Gets or sets the delay before the first retry, which is also the jitter range.</summary>
    /// <value>Default 1 second. Between 0 and 1 day; zero is allowed for tests.</value>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>Default 32 seconds. At least <see cref="InitialDelay"/>, at most 1 day.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Gets or sets the factor applied to the delay after each retry.</summary>
    /// <value>Default 2. Between 1 and 10.</value>
    public double Multiplier { get; set; } = 2.0;

    /// <summary>Gets or sets how many times a retryable request is sent again after its first attempt.</summary>
    /// <value>Default 5 (six attempts in all). Between 1 and 20.</value>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Gets or sets how long one attempt may take before it is abandoned (and retried when the request is retryable).</summary>
    /// <value>Default 30 seconds. Between 10 milliseconds and 1 day.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a call may take in all, attempts and delays included (Google's client libraries use about 120 seconds).</summary>
    /// <value>Default 120 seconds. Between 10 milliseconds and 1 day.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
