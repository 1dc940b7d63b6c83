namespace Pax.Tool.Doctor.Evidence;

/// <summary>
/// Cloud Monitoring's INT64 values as evidence reads them, whatever an answer holds: a count is never negative and a
/// sum of counts stops at <see cref="long.MaxValue"/> instead of overflowing; an age no message can have — below zero,
/// or older than Pub/Sub's longest message retention (31 days: <c>messageRetentionDuration</c>,
/// cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions) — is not an age.
/// </summary>
internal static class MonitoringValues
{
    /// <summary>The oldest a retained Pub/Sub message can be.</summary>
    public static readonly TimeSpan LongestRetention = TimeSpan.FromDays(31);

    /// <summary>Sums counts: a negative one counts as zero; the sum stops at <see cref="long.MaxValue"/>.</summary>
    public static long Total(IEnumerable<long> counts)
    {
        var total = 0L;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                total = count > long.MaxValue - total ? long.MaxValue : total + count;
            }
        }

        return total;
    }

    /// <summary>Reads an age in seconds, or <see langword="null"/> when no retained message can be that old (or negative).</summary>
    public static TimeSpan? Age(long seconds) =>
        seconds >= 0 && seconds <= (long)LongestRetention.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
}
