namespace Pax.Orchestration.Completion;

/// <summary>
/// What one report and one tally may hold. A narrow Firestore tally is one document, and a document holds at most 1 MiB
/// (cloud.google.com/firestore/quotas, "Maximum size for a document"), so these bounds keep the largest possible
/// tally under it by design; the SQLite store keeps the same bounds, so a pipeline behaves the same on both.
/// </summary>
/// <remarks>
/// Worst case per processor, in Firestore's size accounting (cloud.google.com/firestore/docs/storage-size): the
/// field name (a processor name of 200 UTF-16 units is at most 600 UTF-8 bytes, + 1), the map's <c>status</c>,
/// <c>recordedAt</c>, <c>messageId</c> (≤ <see cref="MaxMessageIdLength"/>) and <c>details</c>
/// (≤ <see cref="MaxDetailsBytes"/>) entries with their names, and 32 bytes of overhead: under 1,850 bytes. With the
/// document name (≤ 1,700 bytes) and the reserved fields (the last trigger error included: ≤ <see cref="MaxTriggerErrorLength"/>
/// characters, under 3,200 bytes), <see cref="MaxProcessorsPerTally"/> entries stay under 935,000 bytes.
/// </remarks>
public static class CompletionLimits
{
    /// <summary>The most processors one narrow tally (one document) holds: 500; a report from a further processor is rejected. Phases that expect more than <see cref="MaxNarrowFanIn"/> use the wide layout, which has no such bound.</summary>
    public const int MaxProcessorsPerTally = 500;

    /// <summary>
    /// The most processors a phase may name or expect (<see cref="PhaseDefinition.ExpectedCount"/>) and keep the narrow
    /// layout: 50. Its reports are one document (one row set in SQLite) read and written whole; 50 reports at their
    /// largest (about 1,850 bytes each) stay under 100 KB, and a run key's 50 writes land on that one document. A wider
    /// phase uses the wide layout: one record per report and sharded counters (docs/architecture.md, "Wide fan-in").
    /// </summary>
    public const int MaxNarrowFanIn = 50;

    /// <summary>The most processors a phase may name or expect: 10,000, as many as a Cloud Run job has tasks.</summary>
    public const int MaxFanIn = 10_000;

    /// <summary>The most UTF-8 bytes of a report's <c>details</c> that are stored: 1,000. Longer details are cut at a character boundary and end with "…".</summary>
    public const int MaxDetailsBytes = 1000;

    /// <summary>The longest message id accepted: 128 characters (Pub/Sub's ids are decimal strings of about 17 digits).</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The most characters of a trigger error's message a tally keeps (<see cref="TriggerError.Message"/>): 1,024; longer ones end with "…".</summary>
    public const int MaxTriggerErrorLength = 1024;

    /// <summary>The most rejected deliveries <see cref="ICompletionStoreQueries.CountRejectedSinceAsync"/> counts: 10,000 (a count that reaches it means "that many or more"; the count reads an index, whose cost grows with it).</summary>
    public const int MaxRejectedCount = 10_000;
}
