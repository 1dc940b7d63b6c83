namespace Pax.Orchestration.Scheduling;

/// <summary>
/// How much of each job's past runs is kept (<c>Pax:Scheduling:History</c>), in the job's own document or row
/// (<see cref="ScheduledJob.History"/>): the newest <see cref="MaxOutcomes"/> outcomes no older than <see cref="MaxAge"/>,
/// and the newest one always, however old. Applied each time an outcome is written, so a job never holds more.
/// </summary>
public sealed class JobHistoryOptions
{
    /// <summary>Gets or sets how many outcomes a job keeps.</summary>
    /// <value>Default 20. Between 1 and 100 (each takes up to about 600 bytes: keep Firestore documents well under 1 MiB).</value>
    public int MaxOutcomes { get; set; } = 20;

    /// <summary>Gets or sets how old an outcome may get before it is dropped (the newest is kept whatever its age).</summary>
    /// <value>Default 90 days. Between 1 hour and 3,650 days.</value>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(90);
}
