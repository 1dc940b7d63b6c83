using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Watchdog;

/// <summary>What one watchdog run found and did.</summary>
/// <param name="Redriven">Complete tallies that were open or had a lapsed claim, and what re-driving them came to.</param>
/// <param name="Overdue">Incomplete tallies past their deadline, with their missing and failed processors.</param>
/// <param name="Examined">How many untriggered tallies were looked at.</param>
public sealed record WatchdogReport(IReadOnlyList<RedriveResult> Redriven, IReadOnlyList<TallyStatus> Overdue, int Examined);
