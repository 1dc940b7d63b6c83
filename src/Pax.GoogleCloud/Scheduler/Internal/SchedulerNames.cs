using System.Text.RegularExpressions;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>Cloud Scheduler's rules for job ids, schedules and time zones.</summary>
internal static partial class SchedulerNames
{
    public const string JobIdRule = "a Cloud Scheduler job id: 1-500 letters, digits, hyphens and underscores";

    public const string ScheduleRule = "a unix-cron schedule of five fields, such as '*/30 * * * *'";

    public const string TimeZoneRule = "a tz database time zone such as Etc/UTC or America/New_York";

    public static bool IsJobId(string? value) => value is not null && JobIdPattern().IsMatch(value);

    public static bool IsCronSchedule(string? value) => value is not null && CronPattern().IsMatch(value);

    public static bool IsTimeZone(string? value) => value is not null && TimeZonePattern().IsMatch(value);

    /// <summary>Returns whether <paramref name="name"/> is <c>projects/{p}/locations/{l}/jobs/{id}</c>.</summary>
    public static bool IsJobName(string? name)
    {
        var parts = name?.Split('/');
        return parts is { Length: 6 } && parts[0] == "projects" && parts[2] == "locations" && parts[4] == "jobs"
            && GoogleResourceNames.IsProject(parts[1])
            && GoogleResourceNames.IsLocation(parts[3]) && IsJobId(parts[5]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,500}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdPattern();

    [GeneratedRegex(@"^\S+(\s+\S+){4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePattern();
}
