namespace Pax.Orchestration.Completion;

/// <summary>What a store did with a report.</summary>
/// <param name="Changed">Whether the report was written (<see langword="false"/>: a duplicate).</param>
/// <param name="Tally">The tally after the call.</param>
public sealed record StoreRecordResult(bool Changed, TallySnapshot Tally);
