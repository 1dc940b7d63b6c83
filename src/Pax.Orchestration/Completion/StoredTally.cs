namespace Pax.Orchestration.Completion;

/// <summary>A tally as stored: one per (phase, run key).</summary>
/// <param name="Phase">The phase.</param>
/// <param name="RunKey">The run key.</param>
/// <param name="State">The outbox state.</param>
/// <param name="Completions">The reports, by processor name.</param>
/// <param name="CreatedAt">When the first report was recorded.</param>
/// <param name="UpdatedAt">When a report or state change was last recorded.</param>
/// <param name="ClaimedUntil">When the current claim's lease ends, or <see langword="null"/>.</param>
/// <param name="TriggeredAt">When the trigger was marked done, or <see langword="null"/>.</param>
/// <param name="ClaimedAt">When the trigger was last claimed (kept once triggered), or <see langword="null"/> when it never was (or the tally predates this field).</param>
/// <param name="Claims">How many times the trigger was claimed: 1 normally, more after re-drives of a claim whose lease ended unmarked.</param>
/// <param name="LastTriggerError">The last failed trigger attempt while the tally is not triggered, or <see langword="null"/> (none failed, or the trigger since succeeded).</param>
public sealed record StoredTally(
    string Phase,
    string RunKey,
    TallyTriggerState State,
    IReadOnlyDictionary<string, ProcessorCompletion> Completions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClaimedUntil,
    DateTimeOffset? TriggeredAt,
    DateTimeOffset? ClaimedAt = null,
    int Claims = 0,
    TriggerError? LastTriggerError = null)
{
    /// <summary>
    /// Gets the counts of a wide tally (a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>), whose reports
    /// are stored one per record and counted, not listed; <see langword="null"/> for a narrow tally, whose
    /// <see cref="Completions"/> holds every report.
    /// </summary>
    public TallyCounts? Counts { get; init; }

    /// <summary>
    /// Gets the trace of the trigger that fired: the W3C traceparent of the orchestrator's <c>trigger</c> span (in the
    /// trace of the report that completed the phase, or of a watchdog re-drive), stored when the tally is marked
    /// triggered; <see langword="null"/> before that, when nothing traced it, or for a tally triggered by an older Pax.
    /// </summary>
    /// <value>Such as <c>00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01</c>; at most 55 characters.</value>
    public string? TriggerTraceParent { get; init; }

    /// <summary>
    /// Gets the instance that took the last claim (<c>{K_REVISION}/{host name}/{process id}/{8 hex digits}</c> on Cloud Run,
    /// <c>{host name}/{process id}</c> elsewhere, as <see cref="Scheduling.ScheduledJob.LeaseHolder"/>), kept once triggered;
    /// <see langword="null"/> when never claimed or claimed before the holder was recorded.
    /// </summary>
    public string? ClaimedBy { get; init; }
}
