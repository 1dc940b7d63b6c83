using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Scheduler.Internal;

namespace Pax.GoogleCloud.Deployment;

/// <summary>
/// A Cloud Scheduler HTTP job as it should be: what <see cref="GoogleCloudDeployer.CreateOrUpdateSchedulerJobAsync"/> creates or
/// makes an existing job match. Properties left <see langword="null"/> take Cloud Scheduler's defaults (on an update too).
/// </summary>
public sealed record SchedulerJobDefinition
{
    /// <summary>The time zone used when none is given: <c>Etc/UTC</c>.</summary>
    public const string DefaultTimeZone = "Etc/UTC";

    private static readonly TimeSpan MinAttemptDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxAttemptDeadline = TimeSpan.FromMinutes(30);

    /// <summary>Gets the Scheduler job's project id or number (the target's service account must belong to it).</summary>
    public required string Project { get; init; }

    /// <summary>Gets the Scheduler job's location, such as <c>us-east1</c>.</summary>
    public required string Location { get; init; }

    /// <summary>Gets the job id: letters, digits, hyphens and underscores, at most 500 characters.</summary>
    public required string JobId { get; init; }

    /// <summary>Gets the unix-cron schedule, such as <c>*/30 * * * *</c> or <c>* * * * *</c> (every minute).</summary>
    public required string Schedule { get; init; }

    /// <summary>Gets what the job calls, and with which token (see <see cref="SchedulerTarget"/>).</summary>
    public required SchedulerTarget Target { get; init; }

    /// <summary>Gets the tz database time zone the schedule is read in.</summary>
    /// <value>Default <see cref="DefaultTimeZone"/>.</value>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>Gets a description shown in the console.</summary>
    /// <value>Default <see langword="null"/>: none. At most 500 characters.</value>
    public string? Description { get; init; }

    /// <summary>Gets how long Cloud Scheduler waits for an answer before it counts the attempt as failed (the target may still finish the work).</summary>
    /// <value>Default <see langword="null"/>: Cloud Scheduler's 3 minutes. Between 15 seconds and 30 minutes.</value>
    public TimeSpan? AttemptDeadline { get; init; }

    /// <summary>Gets how failed attempts are retried.</summary>
    /// <value>Default <see langword="null"/>: no retries (Cloud Scheduler's defaults).</value>
    public SchedulerRetryConfig? RetryConfig { get; init; }

    /// <summary>Gets the job's resource name: <c>projects/{Project}/locations/{Location}/jobs/{JobId}</c>.</summary>
    public string Name => $"projects/{Project}/locations/{Location}/jobs/{JobId}";

    /// <summary>Throws when the definition cannot be sent (<see cref="GoogleCloudDeployer.CreateOrUpdateSchedulerJobAsync"/> calls it first), so a caller can check it before other side effects.</summary>
    /// <exception cref="ArgumentException">A property is missing or not valid; the message names it.</exception>
    public void Validate()
    {
        if (!GoogleResourceNames.IsProject(Project))
        {
            throw new ArgumentException($"Project '{Project}' is not {GoogleResourceNames.ProjectRule}.", nameof(Project));
        }

        if (!GoogleResourceNames.IsLocation(Location))
        {
            throw new ArgumentException($"Location '{Location}' is not {GoogleResourceNames.LocationRule}.", nameof(Location));
        }

        if (!SchedulerNames.IsJobId(JobId))
        {
            throw new ArgumentException($"JobId '{JobId}' is not {SchedulerNames.JobIdRule}.", nameof(JobId));
        }

        if (!SchedulerNames.IsCronSchedule(Schedule))
        {
            throw new ArgumentException($"Schedule '{Schedule}' is not {SchedulerNames.ScheduleRule}.", nameof(Schedule));
        }

        if (!SchedulerNames.IsTimeZone(TimeZone))
        {
            throw new ArgumentException($"TimeZone '{TimeZone}' is not {SchedulerNames.TimeZoneRule}.", nameof(TimeZone));
        }

        ArgumentNullException.ThrowIfNull(Target);
        if (Description is { Length: > 500 })
        {
            throw new ArgumentException($"Description is {Description.Length} characters long; Cloud Scheduler takes at most 500.", nameof(Description));
        }

        if (AttemptDeadline is { } deadline && (deadline < MinAttemptDeadline || deadline > MaxAttemptDeadline))
        {
            throw new ArgumentException($"AttemptDeadline must be between 15 seconds and 30 minutes for HTTP targets (was {deadline}).", nameof(AttemptDeadline));
        }

        RetryConfig?.Validate();
    }
}
