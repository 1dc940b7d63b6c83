namespace Pax.Orchestration.Scheduling;

/// <summary>
/// One finished run of a job, kept in <see cref="ScheduledJob.History"/> (newest first): when it ended, how long it
/// took, how it went and why it failed. Times are kept to the millisecond.
/// </summary>
/// <param name="At">When the run ended (or was skipped).</param>
/// <param name="Duration">How long the handler ran (zero when nothing ran).</param>
/// <param name="Result">How it went.</param>
/// <param name="Error">Why it failed or was interrupted (at most 500 characters), or <see langword="null"/>.</param>
/// <param name="Attempt">Which attempt of its occurrence it was (0 when nothing ran).</param>
public sealed record JobOutcome(DateTimeOffset At, TimeSpan Duration, JobOutcomeResult Result, string? Error, int Attempt);
