using System.Text.Json;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling;

/// <summary>
/// A job as stored (Firestore collection <c>scheduler_jobs</c>, SQLite table of the same name): what to run
/// (<see cref="Type"/> names the handler, <see cref="Payload"/> is its input), when (<see cref="ScheduleAt"/>,
/// optionally recurring by <see cref="Cron"/> in <see cref="TimeZone"/>) and how it went.
/// </summary>
public sealed record ScheduledJob
{
    /// <summary>Gets the id (the Firestore document id): 1–200 characters of letters, digits, '-', '_' and '.'.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the handler type, such as <c>http</c> or <c>pubsub</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the handler's input: a JSON object.</summary>
    public required JsonElement Payload { get; init; }

    /// <summary>Gets when the job is next due (the first run, a retry, or the next occurrence).</summary>
    public required DateTimeOffset ScheduleAt { get; init; }

    /// <summary>
    /// Gets the occurrence the current attempts belong to while a run is being retried (a retry moves
    /// <see cref="ScheduleAt"/> but not this), or <see langword="null"/> when the next run is for <see cref="ScheduleAt"/> itself.
    /// </summary>
    public DateTimeOffset? OccurrenceAt { get; init; }

    /// <summary>Gets the occurrence the next run is for: <see cref="OccurrenceAt"/> while retrying, else <see cref="ScheduleAt"/>.</summary>
    public DateTimeOffset Occurrence => OccurrenceAt ?? ScheduleAt;

    /// <summary>Gets the status.</summary>
    public ScheduledJobStatus Status { get; init; }

    /// <summary>Gets when the running claim ends, or <see langword="null"/> when the job is not running.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>
    /// Gets who holds the running claim (the instance that claimed it: <c>{K_REVISION}/{host name}/{process id}/{8 hex digits
    /// drawn at the process's start}</c> on Cloud Run, <c>{host name}/{process id}</c> elsewhere), or <see langword="null"/> when the job is not running or was
    /// claimed before this was recorded.
    /// </summary>
    public string? LeaseHolder { get; init; }

    /// <summary>Gets how many times the current run (or occurrence) was started; reset when a recurring job moves on.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets how many attempts a run gets before it counts as failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Gets the last failure's message, or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets the recurrence as a cron expression (5 fields, or 6 with seconds), or <see langword="null"/> for a one-off job.</summary>
    public string? Cron { get; init; }

    /// <summary>Gets the IANA time zone the <see cref="Cron"/> is read in, or <see langword="null"/> for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets what a recurring job does about missed occurrences.</summary>
    public MisfirePolicy Misfire { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the job was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Gets the store's version of this copy (Firestore's <c>updateTime</c>, SQLite's row version), or
    /// <see langword="null"/> for a job not stored yet. <see cref="IScheduledJobStore.TryReplaceAsync"/> writes only
    /// over the same version, which is how claims, lease renewals and completions stay exclusive.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>
    /// Gets the job's last outcomes, newest first: when each run ended, how long it took, how it went and why it failed.
    /// The newest is kept however old; the rest as <see cref="SchedulingOptions.History"/> says (default the last 20,
    /// none older than 90 days). Empty for a job that never ran (or ran before outcomes were kept).
    /// </summary>
    public IReadOnlyList<JobOutcome> History { get; init; } = [];

    /// <summary>Gets a value indicating whether the job recurs.</summary>
    public bool IsRecurring => Cron is not null;

    /// <summary>Gets the job's shard (<see cref="JobShards.Of"/> of <see cref="Id"/>), stored with it by the stores that lease shards (<see cref="IShardedJobStore"/>).</summary>
    internal int Shard => JobShards.Of(Id);

    /// <summary>
    /// Returns whether <paramref name="id"/> is an id the scheduler accepts (<c>POST /jobs</c>) and the stores can hold: 1–200
    /// letters, digits, '-', '_' or '.', not '.', '..' or <c>__…__</c> (Firestore's reserved document ids).
    /// </summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValidId(string? id) => id is not null && JobRequestValidator.IsValidId(id);

    /// <summary>Returns the next <paramref name="count"/> occurrences of a recurring job after <see cref="ScheduleAt"/>, as the scheduler will run them (<see cref="Cron"/> in <see cref="TimeZone"/>).</summary>
    /// <param name="count">How many occurrences, at most 100.</param>
    /// <returns>The occurrences (UTC), fewer when the cron has no more; empty for a one-off job.</returns>
    /// <exception cref="ScheduledJobRequestException">The stored cron or time zone is not valid, with the reason.</exception>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100);
        var occurrences = new List<DateTimeOffset>();
        if (JobRecurrence.For(this) is not { } recurrence)
        {
            return occurrences;
        }

        var at = ScheduleAt;
        while (occurrences.Count < count && recurrence.Next(at) is { } next)
        {
            occurrences.Add(next);
            at = next;
        }

        return occurrences;
    }
}
