namespace Pax.Orchestration.Completion;

/// <summary>
/// Durable tallies, one per (phase, run key). Implementations make each call atomic on its own: a report is written
/// once (<see cref="ProcessorCompletion.Supersedes"/>), and <see cref="TryClaimAsync"/> succeeds for one caller only
/// while the lease runs. Failures to reach the store throw (the intake answers 5xx so Pub/Sub redelivers).
/// </summary>
/// <remarks>
/// What an implementation owes beyond reports and claims: a failed trigger attempt is kept next to the claim
/// (<see cref="RecordTriggerFailureAsync"/>: message, time, one more failed attempt) and returned in
/// <see cref="StoredTally.LastTriggerError"/> by every read until <see cref="MarkTriggeredAsync"/> clears it; a phase's
/// first deployment is recorded once and returned ever after (<see cref="RecordPhaseDeploymentAsync"/>), so expected run
/// keys never start before it; a report's <see cref="ProcessorCompletion.TraceParent"/> is returned as written (the trigger links it), and so is the trigger's (<see cref="StoredTally.TriggerTraceParent"/>, the dashboard shows it). The built-in stores and their contract tests (SQLite, Firestore) show both.
/// </remarks>
public interface ICompletionStore
{
    /// <summary>
    /// Records a processor's report unless it is a duplicate, creating the tally when needed; with
    /// <paramref name="claim"/>, an open tally that the report completes is claimed in the same atomic write.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="completion">The report.</param>
    /// <param name="claim">When and until when to claim, or <see langword="null"/> to only record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was written and claimed, and the tally after the call.</returns>
    Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken);

    /// <summary>Reads a tally.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tally, or <see langword="null"/> when nothing was recorded.</returns>
    Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the trigger: succeeds when the tally is <see cref="TallyTriggerState.Open"/>, or <see cref="TallyTriggerState.Claimed"/>
    /// with a lease that ended at or before <paramref name="now"/>; then the tally is claimed until <paramref name="leaseUntil"/>.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the claim lapses.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the one caller that holds the claim.</returns>
    Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a failed trigger attempt next to the claim of a tally that is not triggered: <paramref name="message"/>
    /// and <paramref name="at"/> replace the last error, and the count of failed attempts grows by one. Nothing is
    /// written for a tally that is missing or already triggered.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="at">When the attempt failed.</param>
    /// <param name="message">Why (at most <see cref="CompletionLimits.MaxTriggerErrorLength"/> characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The error as stored (with the attempts counted so far), or <see langword="null"/> when nothing was written.</returns>
    Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the tally triggered (final), keeps the trigger's trace (<see cref="StoredTally.TriggerTraceParent"/>) and
    /// clears its <see cref="StoredTally.LastTriggerError"/>.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="traceParent">The W3C traceparent of the trigger that fired, or <see langword="null"/> when nothing traced it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken);

    /// <summary>Lists tallies of a phase that are not triggered yet (open or claimed), for the watchdog.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="limit">The most tallies to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tallies.</returns>
    Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken);

    /// <summary>Returns which of <paramref name="runKeys"/> have a tally in the phase, in any state, for the watchdog's check of expected run keys.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKeys">The run keys to look for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run keys with a tally.</returns>
    Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Records when a phase was first deployed, once: the first call stores <paramref name="now"/>, every later one
    /// (from any instance) returns what was stored. Expected run keys (<see cref="PhaseDefinition.Expected"/>) start there.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the phase was first deployed.</returns>
    Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Keeps a rejected delivery.</summary>
    /// <param name="rejected">The delivery.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken);
}
