namespace Pax.Orchestration.Completion.Watchdog.Internal;

/// <summary>A run key a phase's schedule expected, when (the earliest occurrence that makes it, UTC), and when it is overdue without a report.</summary>
/// <param name="RunKey">The run key.</param>
/// <param name="ExpectedAt">The occurrence.</param>
/// <param name="DeadlineAt">The occurrence plus the phase's deadline.</param>
internal sealed record ExpectedRunKey(string RunKey, DateTimeOffset ExpectedAt, DateTimeOffset DeadlineAt);
