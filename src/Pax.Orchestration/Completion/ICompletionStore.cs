namespace Pax.Orchestration.Completion;

/// <summary>
/// Durable tallies, one per (phase, run key). Implementations make each call atomic on its own: a report is written
/// once (<see cref="ProcessorCompletion.Supersedes"/>), and <see cref="TryClaimAsync"/> succeeds for one caller only
/// while the lease runs. Failures to reach the store throw (the intake answers 5xx so Pub/Sub redelivers).
/// </summary>
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

    /// <summary>Marks the tally triggered (final).</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, CancellationToken cancellationToken);

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

    /// <summary>Keeps a rejected delivery.</summary>
    /// <param name="rejected">The delivery.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken);
}
