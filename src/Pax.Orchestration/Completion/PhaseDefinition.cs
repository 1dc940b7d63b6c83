using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog;

namespace Pax.Orchestration.Completion;

/// <summary>
/// A phase: its name, which processors must report (a named set, or a count), how many successes are enough
/// (<see cref="Threshold"/>, such as 5 of 6), where the run key comes from, an optional deadline, and what to start
/// when the phase is complete. A failed processor blocks the trigger until it reports success.
/// </summary>
public sealed class PhaseDefinition
{
    /// <summary>Gets or sets the phase name (letters, digits, '_' and '-'; 1–100 characters). Tallies live in Firestore collection <c>{Name}_completion</c>.</summary>
    /// <value>Required.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the processors that must report, by name. Reports from other names are rejected.</summary>
    /// <value>Default empty: set this or <see cref="ExpectedCount"/>. At most <see cref="CompletionLimits.MaxFanIn"/> (10,000); more than <see cref="CompletionLimits.MaxNarrowFanIn"/> (50) use the wide layout, whose statuses count reports instead of listing them.</value>
    public List<string> Processors { get; set; } = [];

    /// <summary>Gets or sets how many distinct processors must report when they are not named.</summary>
    /// <value>Default <see langword="null"/>: set this or <see cref="Processors"/>. Between 1 and <see cref="CompletionLimits.MaxFanIn"/> (10,000); more than <see cref="CompletionLimits.MaxNarrowFanIn"/> (50) use the wide layout, whose statuses count reports instead of listing them.</value>
    public int? ExpectedCount { get; set; }

    /// <summary>Gets or sets how many successes are enough (such as 5 of 6).</summary>
    /// <value>Default <see langword="null"/>: all expected processors. Between 1 and the number expected.</value>
    public int? Threshold { get; set; }

    /// <summary>Gets or sets where the run key comes from.</summary>
    /// <value>Default <see cref="Completion.RunKeySource.Message"/>.</value>
    public RunKeySource RunKeySource { get; set; } = RunKeySource.Message;

    /// <summary>
    /// Gets or sets how long a run key may stay incomplete before the watchdog reports it overdue: counted from its
    /// first report, or, for a run key nobody reported for, from the occurrence of <see cref="Expected"/> that expected it.
    /// </summary>
    /// <value>Default <see langword="null"/>: no deadline. Required with <see cref="Expected"/>.</value>
    public TimeSpan? Deadline { get; set; }

    /// <summary>
    /// Gets or sets when run keys are expected, so the watchdog also reports a run key for which no processor reported
    /// at all (configuration <c>Phases:N:Expected:Cron</c>, <c>:TimeZone</c>, <c>:RunKeyFormat</c>, <c>:LookBack</c>,
    /// <c>:MaxRunKeys</c>). Needs <see cref="Deadline"/>.
    /// </summary>
    /// <value>Default <see langword="null"/>: only run keys with at least one report are watched.</value>
    public ExpectedRunSchedule? Expected { get; set; }

    /// <summary>Gets or sets the next phase's trigger: one of a topic, a job or a URL.</summary>
    /// <value>Required (unless <see cref="CustomTrigger"/> is set in code).</value>
    public PhaseTriggerOptions Trigger { get; set; } = new();

    /// <summary>Gets or sets a trigger supplied in code instead of <see cref="Trigger"/> (not bound from configuration).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public IPhaseTrigger? CustomTrigger { get; set; }

    /// <summary>Gets the number of successes that completes the phase.</summary>
    /// <returns><see cref="Threshold"/>, else the number of named processors, else <see cref="ExpectedCount"/>.</returns>
    public int RequiredSuccesses() => Threshold ?? (Processors.Count > 0 ? Processors.Count : ExpectedCount ?? 0);
}
