namespace Pax.Orchestration.Completion;

/// <summary>
/// Asks <see cref="ICompletionStore.RecordAsync"/> to claim an open tally in the same atomic write as the report
/// when the report completes the phase, so the completing delivery saves a read and a write before the trigger.
/// </summary>
/// <param name="IsComplete">Whether a tally (with the report applied) completes the phase.</param>
/// <param name="LeaseUntil">When the claim lapses.</param>
public sealed record ClaimOnCompletion(Func<StoredTally, bool> IsComplete, DateTimeOffset LeaseUntil);
