namespace Pax.Orchestration.Completion.Watchdog;

/// <summary>One tally the watchdog tried to trigger, and what came of it.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="RunKey">The run key.</param>
/// <param name="Outcome">The outcome.</param>
public sealed record RedriveResult(string Phase, string RunKey, DriveOutcome Outcome);
