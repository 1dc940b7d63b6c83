namespace Pax.Orchestration.Completion;

/// <summary>
/// The last failed attempt to start a run key's next phase, kept by the store next to the claim until the trigger
/// succeeds (<see cref="ICompletionStore.RecordTriggerFailureAsync"/>, cleared by <see cref="ICompletionStore.MarkTriggeredAsync"/>).
/// As JSON (<c>lastTriggerError</c> of <c>GET /tallies/{phase}/{runKey}</c> and the dashboard): <c>{ "at", "message", "attempts" }</c>.
/// </summary>
/// <param name="At">When the last attempt failed.</param>
/// <param name="Message">
/// Why: for a Google API, the HTTP status, Google's status name and its message (<c>HTTP 403 PERMISSION_DENIED: …</c>);
/// otherwise the exception's message. At most <see cref="CompletionLimits.MaxTriggerErrorLength"/> characters.
/// </param>
/// <param name="Attempts">How many attempts failed since the tally was claimed first (initial trigger and re-drives).</param>
public sealed record TriggerError(DateTimeOffset At, string Message, int Attempts);
