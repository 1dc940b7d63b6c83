namespace Pax.Orchestration.Completion;

/// <summary>What <see cref="CompletionTally.RecordAsync"/> did with a report.</summary>
public enum ReportDisposition
{
    /// <summary>The report was new and is recorded.</summary>
    Recorded,

    /// <summary>The same report was recorded before (a redelivery or a repeated publish); nothing changed.</summary>
    Duplicate,

    /// <summary>The report names an unknown phase or processor, or an invalid run key; nothing was recorded in the tally.</summary>
    Rejected,
}
