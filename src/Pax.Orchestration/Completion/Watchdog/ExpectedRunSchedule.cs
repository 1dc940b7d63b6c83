namespace Pax.Orchestration.Completion.Watchdog;

/// <summary>
/// When a phase's run keys are expected (configuration <c>Phases:N:Expected</c>), so that
/// <see cref="CompletionWatchdog"/> can report a run key for which no processor reported at all: the silence a
/// tally alone cannot see, because a tally only exists once a first report arrives. Each occurrence of
/// <see cref="Cron"/> in <see cref="TimeZone"/> expects the run key <see cref="RunKeyFormat"/> makes of the
/// occurrence's local date and time; once the phase's <see cref="Completion.PhaseDefinition.Deadline"/> has passed
/// since the occurrence and the run key has no tally, the watchdog reports it overdue with every expected processor
/// missing (log event 4012, metric <c>pax.orchestration.overdue_runs</c> with <c>reason=no_report</c>).
/// Occurrences whose run keys coincide (an hourly schedule with a daily run key) expect that run key once, from the
/// earliest of them. Nothing is expected before the phase existed: occurrences start at <see cref="Start"/>, or by
/// default at the phase's first deployment (recorded by the store when an orchestrator with the phase first starts).
/// </summary>
public sealed class ExpectedRunSchedule
{
    /// <summary>Gets or sets when a run is expected: a standard 5-field cron expression (minute hour day-of-month month day-of-week), such as <c>0 2 * * *</c> for 02:00 every day.</summary>
    /// <value>Required.</value>
    public string Cron { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the IANA time zone <see cref="Cron"/> is read in and run keys are formatted in, such as
    /// <c>America/New_York</c>. Daylight saving time is followed: a time skipped in spring runs at the first time
    /// after the gap, a time repeated in autumn runs once, unless the expression steps through the hour (<c>*/30 * * * *</c> runs in both).
    /// </summary>
    /// <value>Default <c>UTC</c>.</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Gets or sets the .NET custom date and time format (invariant culture) that turns an occurrence's local date and
    /// time into its run key: <c>yyyy-MM-dd</c> for a daily pipeline keyed by date, or
    /// <c>yyyy-MM-dd'T'HH:mm:ss'Z'</c> with <see cref="TimeZone"/> <c>UTC</c> for the collector's slots. The keys it
    /// makes must be valid run keys (no '/', so write <c>yyyy-MM-dd</c>, not <c>yyyy/MM/dd</c>).
    /// </summary>
    /// <value>Default <c>yyyy-MM-dd</c>.</value>
    public string RunKeyFormat { get; set; } = "yyyy-MM-dd";

    /// <summary>
    /// Gets or sets how far back the watchdog looks for expected run keys: occurrences from this long ago up to
    /// <see cref="Completion.PhaseDefinition.Deadline"/> ago are checked. A silent run key is reported on every
    /// watchdog run until it leaves this window or a report arrives.
    /// </summary>
    /// <value>Default 7 days. Between 1 hour and 31 days, and longer than the phase's deadline.</value>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the first instant whose occurrences expect a run key, such as <c>2026-03-01T00:00:00Z</c>: run keys of
    /// earlier occurrences are never reported missing.
    /// </summary>
    /// <value>
    /// Default <see langword="null"/>: the phase's first deployment, which the store records once
    /// (<see cref="ICompletionStore.RecordPhaseDeploymentAsync"/>), so a freshly deployed orchestrator does not report
    /// the run keys of the days before it existed. When the phase already has tallies as the deployment is first recorded
    /// (an orchestrator upgraded from a version that recorded none), the oldest tally's creation is recorded instead, at
    /// most <see cref="LookBack"/> ago, so the run keys expected before the upgrade stay watched. Set it where the
    /// recorded time would be wrong: a phase whose store was moved to a new database, say.
    /// </value>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Gets or sets the most expected run keys, newest first, that one watchdog run checks for the phase (one store read per 100).</summary>
    /// <value>Default 500. Between 1 and 5,000.</value>
    public int MaxRunKeys { get; set; } = 500;
}
