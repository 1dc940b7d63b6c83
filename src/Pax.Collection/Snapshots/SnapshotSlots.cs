namespace Pax.Collection.Snapshots;

/// <summary>
/// Computes schedule slots: the start of the fixed-length UTC bucket an instant falls in. Every task, retry and
/// re-run of one scheduled execution computes the same slot, so they agree on snapshot names.
/// </summary>
public static class SnapshotSlots
{
    /// <summary>The default slot length: 30 minutes, matching a <c>*/30 * * * *</c> schedule.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(30);

    /// <summary>Returns the start of the slot that contains <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant; converted to UTC.</param>
    /// <param name="interval">The slot length: between one minute and one day, and a whole number of minutes that divides a day.</param>
    /// <returns>The slot start in UTC (offset zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a valid slot length.</exception>
    public static DateTimeOffset Floor(DateTimeOffset instant, TimeSpan interval)
    {
        Validate(interval);
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % interval.Ticks), TimeSpan.Zero);
    }

    /// <summary>Checks that <paramref name="interval"/> is a whole number of minutes that divides a day.</summary>
    /// <param name="interval">The slot length.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void Validate(TimeSpan interval)
    {
        if (interval < TimeSpan.FromMinutes(1) || interval > TimeSpan.FromDays(1)
            || interval.Ticks % TimeSpan.TicksPerMinute != 0
            || TimeSpan.TicksPerDay % interval.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A slot length must be a whole number of minutes between 1 minute and 1 day that divides a day evenly (such as 5, 15, 30 or 60 minutes).");
        }
    }
}
