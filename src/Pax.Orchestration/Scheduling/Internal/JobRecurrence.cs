using System.Collections.Concurrent;
using Cronos;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>A parsed cron expression in its time zone (Cronos: DST gaps run at the first valid time, DST overlaps once).</summary>
internal sealed class JobRecurrence
{
    private static readonly ConcurrentDictionary<(string Cron, string? Zone), JobRecurrence> Cache = new();
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private JobRecurrence(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    /// <summary>Returns the job's recurrence, or <see langword="null"/> for a one-off job.</summary>
    /// <exception cref="ScheduledJobRequestException">The stored cron or time zone is not valid.</exception>
    public static JobRecurrence? For(ScheduledJob job) => job.Cron is { } cron ? Parse(cron, job.TimeZone) : null;

    /// <summary>Parses <paramref name="cron"/> (5 fields, or 6 with seconds) in <paramref name="timeZone"/> (IANA; <see langword="null"/> for UTC).</summary>
    /// <exception cref="ScheduledJobRequestException">The cron or the time zone is not valid, with the reason.</exception>
    public static JobRecurrence Parse(string cron, string? timeZone) => Cache.GetOrAdd((cron, timeZone), static key =>
    {
        var fields = key.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            throw new ScheduledJobRequestException($"cron '{key.Cron}' has {fields} fields; use 5 (minute hour day month weekday) or 6 (with seconds first).");
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(key.Cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new ScheduledJobRequestException($"cron '{key.Cron}' is not valid: {ex.Message}", ex);
        }

        return new JobRecurrence(expression, FindZone(key.Zone));
    });

    /// <summary>Returns the first occurrence strictly after <paramref name="after"/>, or <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, _zone);

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ScheduledJobRequestException($"timeZone '{id}' is not a known time zone; use an IANA id such as 'America/New_York' or 'UTC'.", ex);
        }
    }
}
