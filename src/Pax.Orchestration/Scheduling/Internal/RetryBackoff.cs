namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many jobs spread out.</summary>
internal static class RetryBackoff
{
    /// <summary>Returns the delay before the retry that follows failed attempt <paramref name="attempt"/> (from 1).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var capped = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
