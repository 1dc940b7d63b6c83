namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Adds an outcome to a job's history and applies the retention (<see cref="JobHistoryOptions"/>); pure, so the rule is tested on its own.</summary>
internal static class JobHistory
{
    /// <summary>The longest error kept per outcome (the job's <see cref="ScheduledJob.LastError"/> keeps more).</summary>
    public const int MaxErrorLength = 500;

    /// <summary>An outcome at <paramref name="at"/>, kept to the millisecond so every store gives it back as written.</summary>
    public static JobOutcome Outcome(DateTimeOffset at, TimeSpan duration, JobOutcomeResult result, string? error, int attempt) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()),
        TimeSpan.FromMilliseconds(Math.Round(duration.TotalMilliseconds)),
        result,
        error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error,
        attempt);

    /// <summary>
    /// The history with <paramref name="outcome"/> first, then the older outcomes that fit: at most
    /// <see cref="JobHistoryOptions.MaxOutcomes"/>, none older than <see cref="JobHistoryOptions.MaxAge"/> before
    /// <paramref name="now"/> — except the newest, which is always kept.
    /// </summary>
    public static IReadOnlyList<JobOutcome> Append(IReadOnlyList<JobOutcome> history, JobOutcome outcome, JobHistoryOptions options, DateTimeOffset now) =>
        Trim([outcome, .. history], options, now);

    /// <summary>Applies the retention to a history, newest first; the newest outcome stays however old.</summary>
    public static IReadOnlyList<JobOutcome> Trim(IReadOnlyList<JobOutcome> history, JobHistoryOptions options, DateTimeOffset now)
    {
        var cut = now - options.MaxAge;
        return [.. history.Take(options.MaxOutcomes).Where((o, i) => i == 0 || o.At >= cut)];
    }
}
