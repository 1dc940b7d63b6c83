namespace Pax.Orchestration.Completion;

/// <summary>What is recorded for one processor of a tally.</summary>
/// <param name="Processor">The processor's name.</param>
/// <param name="Status">Its status.</param>
/// <param name="RecordedAt">When the orchestrator recorded it.</param>
/// <param name="MessageId">The message that carried it, or <see langword="null"/>.</param>
/// <param name="Details">The processor's details, or <see langword="null"/>.</param>
public sealed record ProcessorCompletion(string Processor, CompletionStatus Status, DateTimeOffset RecordedAt, string? MessageId, string? Details)
{
    /// <summary>
    /// Gets the trace the report was recorded in: the W3C traceparent of the orchestrator's <c>tally record</c> span
    /// (a child of the report message's <c>googclient_traceparent</c>), or <see langword="null"/> when nothing traced
    /// it. The trigger of the tally runs in the trace of the report that completed it and links the others' (at most 32).
    /// </summary>
    /// <value>Such as <c>00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01</c>; at most 55 characters.</value>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Returns whether this report replaces <paramref name="existing"/>: the first report is kept, except that a
    /// success replaces a failure (the processor was retried). Anything else is a duplicate.
    /// </summary>
    /// <param name="existing">The recorded report, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when this report must be written.</returns>
    public bool Supersedes(ProcessorCompletion? existing) =>
        existing is null || (existing.Status == CompletionStatus.Failed && Status == CompletionStatus.Succeeded);
}
