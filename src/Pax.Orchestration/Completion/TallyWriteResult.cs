namespace Pax.Orchestration.Completion;

/// <summary>What a store did with a report.</summary>
/// <param name="Changed">Whether the report was written (<see langword="false"/>: a duplicate).</param>
/// <param name="Tally">The tally after the call.</param>
/// <param name="Claimed">Whether the same write claimed the tally for the caller (see <see cref="ClaimOnCompletion"/>).</param>
/// <param name="Full">Whether the report was not written because it is from a new processor and the tally already holds <see cref="CompletionLimits.MaxProcessorsPerTally"/>.</param>
public sealed record TallyWriteResult(bool Changed, StoredTally Tally, bool Claimed = false, bool Full = false);
