namespace Pax.Orchestration.Completion;

/// <summary>A delivery the intake acknowledged without recording a completion, kept so nothing disappears silently.</summary>
/// <param name="MessageId">The Pub/Sub message id, or <see langword="null"/> when none could be read.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Excerpt">The start of the payload (at most 1,024 characters), or <see langword="null"/>.</param>
public sealed record RejectedMessage(string? MessageId, string Reason, DateTimeOffset ReceivedAt, string? Excerpt)
{
    /// <summary>The most characters <see cref="Processor"/> keeps of the name a delivery sent.</summary>
    public const int MaxProcessorLength = 200;

    /// <summary>
    /// Gets the phase the delivery was meant for: the phase it named (a valid phase name), or the only configured phase
    /// when it named none; <see langword="null"/> when it could not be read.
    /// </summary>
    public string? Phase { get; init; }

    /// <summary>Gets the run key the delivery named, when it is a valid run key; otherwise <see langword="null"/>.</summary>
    public string? RunKey { get; init; }

    /// <summary>Gets the processor name as the delivery sent it (at most <see cref="MaxProcessorLength"/> characters), or <see langword="null"/>.</summary>
    public string? Processor { get; init; }

    /// <summary>
    /// Gets why, as a code: <c>envelope</c> (not a push envelope or CloudEvent Pax can read), <c>contract</c> (not a
    /// completion message), <c>invalid</c> (a completion the tally refuses) or <c>oversized</c>; <see langword="null"/>
    /// for a delivery stored before the codes were kept.
    /// </summary>
    public string? ReasonCode { get; init; }
}
