namespace Pax.Orchestration.Completion;

/// <summary>
/// How many processors of a wide tally (a phase that expects more than <see cref="CompletionLimits.MaxNarrowFanIn"/>)
/// reported, counted by the store instead of listed: such a tally's <see cref="StoredTally.Completions"/> holds at most
/// the report just recorded, never every report.
/// </summary>
/// <param name="Succeeded">Processors whose report is a success.</param>
/// <param name="Failed">Processors whose report is a failure (a later success of the same processor replaces it).</param>
/// <param name="LastRecordedAt">When the last report was recorded, or <see langword="null"/> when the store does not know.</param>
public sealed record TallyCounts(int Succeeded, int Failed, DateTimeOffset? LastRecordedAt);
