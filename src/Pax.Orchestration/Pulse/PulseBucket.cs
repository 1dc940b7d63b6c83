namespace Pax.Orchestration.Pulse;

/// <summary>The counts of one scope (a phase, or <see cref="PulseScopes.Scheduler"/>) in one UTC hour.</summary>
/// <param name="Scope">The phase name, <see cref="PulseScopes.NoPhase"/> or <see cref="PulseScopes.Scheduler"/>.</param>
/// <param name="Hour">The hour's start (UTC, whole hour).</param>
/// <param name="Counts">One count per <see cref="PulseCounter"/>, indexed by its value.</param>
internal sealed record PulseBucket(string Scope, DateTimeOffset Hour, long[] Counts)
{
    /// <summary>The counters in stored order, with their stored names.</summary>
    public static readonly IReadOnlyList<(PulseCounter Counter, string Name)> Counters =
    [
        (PulseCounter.Reports, "reports"),
        (PulseCounter.Duplicates, "duplicates"),
        (PulseCounter.Rejections, "rejections"),
        (PulseCounter.Triggers, "triggers"),
        (PulseCounter.TriggerFailures, "triggerFailures"),
        (PulseCounter.JobsRun, "jobsRun"),
        (PulseCounter.JobsFailed, "jobsFailed"),
    ];

    /// <summary>Gets an empty count array.</summary>
    public static long[] NoCounts() => new long[Counters.Count];

    /// <summary>Returns the start of the UTC hour <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Adds the buckets of the same scope and hour together (shards, or a store's and this process's pending counts).</summary>
    public static IReadOnlyList<PulseBucket> Sum(IEnumerable<PulseBucket> buckets)
    {
        var sums = new Dictionary<(string, DateTimeOffset), long[]>();
        foreach (var bucket in buckets)
        {
            if (!sums.TryGetValue((bucket.Scope, bucket.Hour), out var counts))
            {
                sums[(bucket.Scope, bucket.Hour)] = counts = NoCounts();
            }

            for (var i = 0; i < counts.Length && i < bucket.Counts.Length; i++)
            {
                counts[i] += bucket.Counts[i];
            }
        }

        return sums.Select(s => new PulseBucket(s.Key.Item1, s.Key.Item2, s.Value)).ToList();
    }
}
