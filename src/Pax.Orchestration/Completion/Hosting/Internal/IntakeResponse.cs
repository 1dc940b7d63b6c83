namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>The intake's JSON answer (for logs and tests; Pub/Sub only reads the status code).</summary>
internal sealed record IntakeResponse(string Outcome, string? Reason = null, DriveOutcome? Drive = null, bool? Triggered = null);
