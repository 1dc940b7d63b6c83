namespace Pax.Orchestration.Completion;

/// <summary>
/// What the watchdog deletes when it runs (<c>Pax:Orchestration:Retention</c>): the pulse's hourly counts and rejected
/// deliveries past their age, at most <see cref="MaxDeletesPerRun"/> of each per run. Tallies and their timelines are
/// never deleted (a tally is how the watchdog knows an expected run key was reported); each job's history is bounded
/// where it is written (<c>Pax:Scheduling:History</c>).
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Gets or sets how long the pulse's hourly counts are kept (the dashboard shows the last 24 hours).</summary>
    /// <value>Default 30 days. Between 2 days and 3,650 days.</value>
    public TimeSpan PulseMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how long rejected deliveries are kept.</summary>
    /// <value>Default 30 days. Between 2 days and 3,650 days.</value>
    public TimeSpan RejectedMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the most documents or rows of each kind one watchdog run deletes (the rest wait for the next run).</summary>
    /// <value>Default 500. Between 1 and 10,000.</value>
    public int MaxDeletesPerRun { get; set; } = 500;
}
