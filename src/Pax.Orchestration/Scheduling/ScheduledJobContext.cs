using System.Globalization;
using System.Text.Json;

namespace Pax.Orchestration.Scheduling;

/// <summary>What a handler gets for one run: the job as claimed and the occurrence being run.</summary>
public sealed class ScheduledJobContext
{
    /// <summary>Initializes a context.</summary>
    /// <param name="job">The job as claimed.</param>
    /// <param name="scheduledFor">The occurrence being run.</param>
    public ScheduledJobContext(ScheduledJob job, DateTimeOffset scheduledFor)
    {
        ArgumentNullException.ThrowIfNull(job);
        Job = job;
        ScheduledFor = scheduledFor;
    }

    /// <summary>Gets the job as claimed (status running, with this attempt counted).</summary>
    public ScheduledJob Job { get; }

    /// <summary>Gets the occurrence this run is for (the same for every attempt, also after retries moved <see cref="ScheduledJob.ScheduleAt"/>).</summary>
    public DateTimeOffset ScheduledFor { get; }

    /// <summary>Gets the job's payload.</summary>
    public JsonElement Payload => Job.Payload;

    /// <summary>Gets which attempt this is, from 1.</summary>
    public int Attempt => Job.Attempts;

    /// <summary>Gets a key that is the same for every attempt of this occurrence: <c>{id}@{scheduledFor:O}</c>. Pass it downstream so a repeated run is recognized.</summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture, $"{Job.Id}@{ScheduledFor.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
}
