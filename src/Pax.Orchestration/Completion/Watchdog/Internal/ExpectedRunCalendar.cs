using System.Globalization;
using Cronos;

namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>A phase's <see cref="ExpectedRunSchedule"/>, parsed once: which run keys were expected in the look-back window and are past their deadline.</summary>
internal sealed class ExpectedRunCalendar
{
    private static readonly DateTimeOffset SampleInstant = new(2026, 12, 31, 23, 59, 58, TimeSpan.Zero);
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;
    private readonly ExpectedRunSchedule _schedule;
    private readonly TimeSpan _deadline;

    private ExpectedRunCalendar(CronExpression cron, TimeZoneInfo zone, ExpectedRunSchedule schedule, TimeSpan deadline)
    {
        _cron = cron;
        _zone = zone;
        _schedule = schedule;
        _deadline = deadline;
    }

    /// <summary>Parses and checks a schedule; adds a failure naming <paramref name="key"/> for every problem and returns <see langword="null"/> then (or when <paramref name="deadline"/> is missing, which the caller reports).</summary>
    public static ExpectedRunCalendar? Create(ExpectedRunSchedule schedule, TimeSpan? deadline, string key, List<string> failures)
    {
        var before = failures.Count;
        var cron = ParseCron(schedule.Cron, key, failures);
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(schedule.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out zone))
        {
            failures.Add($"{key}:TimeZone '{schedule.TimeZone}' is not a known IANA time zone (such as UTC or America/New_York).");
        }

        CheckRunKeyFormat(schedule.RunKeyFormat, zone ?? TimeZoneInfo.Utc, key, failures);
        if (schedule.LookBack < TimeSpan.FromHours(1) || schedule.LookBack > TimeSpan.FromDays(31) || (deadline is { } d && schedule.LookBack <= d))
        {
            failures.Add($"{key}:LookBack must be between 1 hour and 31 days and longer than the phase's Deadline (was {schedule.LookBack}, Deadline {deadline}).");
        }

        if (schedule.MaxRunKeys is < 1 or > 5_000)
        {
            failures.Add($"{key}:MaxRunKeys must be between 1 and 5000 (was {schedule.MaxRunKeys}).");
        }

        return failures.Count == before && deadline is { } due ? new ExpectedRunCalendar(cron!, zone!, schedule, due) : null;
    }

    /// <summary>
    /// The run keys expected by occurrences from <see cref="ExpectedRunSchedule.LookBack"/> ago (never before
    /// <paramref name="start"/>, when the phase began to be expected) up to the deadline ago (so each one's deadline has
    /// passed at <paramref name="now"/>), the newest <see cref="ExpectedRunSchedule.MaxRunKeys"/> in time order; a run key
    /// several occurrences make is expected from the earliest.
    /// </summary>
    public IReadOnlyList<ExpectedRunKey> DueBy(DateTimeOffset now, DateTimeOffset start)
    {
        var from = now - _schedule.LookBack > start ? now - _schedule.LookBack : start;
        var to = now - _deadline;
        if (from > to)
        {
            return [];
        }

        // Ascending on purpose: Cronos moves an occurrence in a spring-forward gap to the gap's end going forward
        // (what a scheduler does), but to the instant before it when searching backwards.
        var expectedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var newest = new Queue<string>();
        foreach (var occurrence in _cron.GetOccurrences(from, to, _zone, fromInclusive: true, toInclusive: true))
        {
            var runKey = RunKeyOf(occurrence);
            if (expectedAt.TryAdd(runKey, occurrence.ToUniversalTime()))
            {
                newest.Enqueue(runKey);
                if (newest.Count > _schedule.MaxRunKeys)
                {
                    expectedAt.Remove(newest.Dequeue());
                }
            }
        }

        return newest.Select(k => new ExpectedRunKey(k, expectedAt[k], expectedAt[k] + _deadline)).ToList();
    }

    private string RunKeyOf(DateTimeOffset occurrence) =>
        TimeZoneInfo.ConvertTime(occurrence, _zone).ToString(_schedule.RunKeyFormat, CultureInfo.InvariantCulture);

    private static CronExpression? ParseCron(string? cron, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            failures.Add($"{key}:Cron is required: a 5-field cron expression (minute hour day-of-month month day-of-week), such as '0 2 * * *'.");
            return null;
        }

        try
        {
            return CronExpression.Parse(cron, CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            failures.Add($"{key}:Cron '{cron}' is not a 5-field cron expression (minute hour day-of-month month day-of-week): {ex.Message}");
            return null;
        }
    }

    private static void CheckRunKeyFormat(string? format, TimeZoneInfo zone, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            failures.Add($"{key}:RunKeyFormat is required (such as 'yyyy-MM-dd').");
            return;
        }

        string sample;
        try
        {
            sample = TimeZoneInfo.ConvertTime(SampleInstant, zone).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            failures.Add($"{key}:RunKeyFormat '{format}' is not a .NET date and time format: {ex.Message}");
            return;
        }

        if (CompletionNames.ValidateRunKey(sample) is { } problem)
        {
            failures.Add($"{key}:RunKeyFormat '{format}' makes run keys such as '{sample}', which are not valid: {problem}.");
        }
    }
}
