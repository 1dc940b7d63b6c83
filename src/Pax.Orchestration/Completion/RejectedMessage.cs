namespace Pax.Orchestration.Completion;

/// <summary>A delivery the intake acknowledged without recording a completion, kept so nothing disappears silently.</summary>
/// <param name="MessageId">The Pub/Sub message id, or <see langword="null"/> when none could be read.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Excerpt">The start of the payload (at most 1,024 characters), or <see langword="null"/>.</param>
public sealed record RejectedMessage(string? MessageId, string Reason, DateTimeOffset ReceivedAt, string? Excerpt);
