namespace Pax.Orchestration.Completion.Watchdog;

/// <summary>
/// A run key a phase's <see cref="ExpectedRunSchedule"/> expected, when (the earliest occurrence that makes it, UTC), and
/// when it is overdue without a report: what the watchdog reports as "nobody reported" (log event 4012) and
/// <see cref="PhaseStatusReader.ListExpectedRunKeysAsync"/> lists.
/// </summary>
/// <param name="RunKey">The run key.</param>
/// <param name="ExpectedAt">The occurrence.</param>
/// <param name="DeadlineAt">The occurrence plus the phase's deadline.</param>
public sealed record ExpectedRunKey(string RunKey, DateTimeOffset ExpectedAt, DateTimeOffset DeadlineAt);
