namespace Pax.Orchestration.Completion.Watchdog;

/// <summary>What one watchdog run found and did.</summary>
/// <param name="Redriven">Complete tallies that were open or had a lapsed claim, and what re-driving them came to.</param>
/// <param name="Overdue">
/// Run keys past their deadline: incomplete tallies with their missing and failed processors, and expected run keys
/// nobody reported for (<see cref="TallyProgress.ExpectedAt"/> set, no <see cref="TallyProgress.FirstCompletionAt"/>,
/// every expected processor missing).
/// </param>
/// <param name="Examined">How many untriggered tallies were looked at.</param>
/// <param name="ExpectedExamined">How many expected run keys past their deadline (from the phases' <see cref="PhaseDefinition.Expected"/> schedules) were checked for a tally.</param>
/// <param name="TriggerFailing">
/// Complete run keys whose trigger failed and is still not done after this run (each with its
/// <see cref="TallyProgress.LastTriggerError"/>: message, time, failed attempts), including those this run re-drove in vain;
/// each is logged as event 4018.
/// </param>
public sealed record WatchdogReport(IReadOnlyList<RedriveResult> Redriven, IReadOnlyList<TallyProgress> Overdue, int Examined, int ExpectedExamined, IReadOnlyList<TallyProgress> TriggerFailing);
