namespace Pax.Orchestration.Completion;

/// <summary>
/// What one report and one tally may hold. A Firestore tally is one document, and a document holds at most 1 MiB
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
    /// <summary>The most processors one tally holds: 500. A phase may name at most this many, or expect at most this many (<see cref="PhaseDefinition.ExpectedCount"/>); a report from a further processor is rejected.</summary>
    public const int MaxProcessorsPerTally = 500;

    /// <summary>The most UTF-8 bytes of a report's <c>details</c> that are stored: 1,000. Longer details are cut at a character boundary and end with "…".</summary>
    public const int MaxDetailsBytes = 1000;

    /// <summary>The longest message id accepted: 128 characters (Pub/Sub's ids are decimal strings of about 17 digits).</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The most characters of a trigger error's message a tally keeps (<see cref="TriggerError.Message"/>): 1,024; longer ones end with "…".</summary>
    public const int MaxTriggerErrorLength = 1024;

    /// <summary>The most rejected deliveries <see cref="ICompletionStoreQueries.CountRejectedSinceAsync"/> counts: 10,000 (a count that reaches it means "that many or more"; the count reads an index, whose cost grows with it).</summary>
    public const int MaxRejectedCount = 10_000;
}
