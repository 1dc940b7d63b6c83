namespace Pax.Orchestration.Completion.Hosting;

/// <summary>What the intake did with a message the in-process transport delivered: what a push would have answered.</summary>
/// <param name="MessageId">The message id the transport assigned (a decimal string, as Pub/Sub's are).</param>
/// <param name="Disposition">Recorded, duplicate, or rejected (acknowledged and kept as rejected, with log event 4003 and metric <c>pax.orchestration.deliveries{outcome=rejected}</c>).</param>
/// <param name="Reason">Why the message was rejected, or <see langword="null"/>.</param>
/// <param name="Drive">What the report did to the next phase's trigger, or <see langword="null"/> for a rejection.</param>
public sealed record InProcessDelivery(string MessageId, ReportDisposition Disposition, string? Reason, DriveOutcome? Drive);
