using System.Text.Json.Serialization;

namespace Pax.Orchestration.Completion;

/// <summary>
/// The state of one (phase, run key), as <c>GET /tallies/{phase}/{runKey}</c> returns it: which processors
/// completed, which are missing (named phases), which failed, whether the next phase was triggered, and timings.
/// </summary>
public sealed class TallyProgress
{
    /// <summary>Gets the phase.</summary>
    public required string Phase { get; init; }

    /// <summary>Gets the run key.</summary>
    public required string RunKey { get; init; }

    /// <summary>Gets the outbox state.</summary>
    public required TallyTriggerState State { get; init; }

    /// <summary>Gets a value indicating whether the next phase was triggered.</summary>
    public required bool Triggered { get; init; }

    /// <summary>Gets a value indicating whether enough processors succeeded and none is failed.</summary>
    public required bool Complete { get; init; }

    /// <summary>Gets the processors that succeeded, sorted (empty for a wide phase: see <see cref="CompletedCount"/>).</summary>
    public required IReadOnlyList<string> Completed { get; init; }

    /// <summary>Gets the named processors that have not reported, sorted (empty for count-based and wide phases: see <see cref="MissingCount"/>).</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Gets the processors whose last report is a failure, sorted (empty for a wide phase: see <see cref="FailedCount"/>).</summary>
    public required IReadOnlyList<string> Failed { get; init; }

    /// <summary>Gets how many processors succeeded (the length of <see cref="Completed"/> for a narrow phase; counted, with <see cref="Completed"/> empty, for a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>).</summary>
    public int CompletedCount { get; init; }

    /// <summary>Gets how many processors' last report is a failure (counted, with <see cref="Failed"/> empty, for a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>).</summary>
    public int FailedCount { get; init; }

    /// <summary>Gets how many more successes the phase needs (0 when complete).</summary>
    public required int MissingCount { get; init; }

    /// <summary>Gets how many successes complete the phase.</summary>
    public required int RequiredSuccesses { get; init; }

    /// <summary>Gets when the first report was recorded, or <see langword="null"/> when none was.</summary>
    public DateTimeOffset? FirstCompletionAt { get; init; }

    /// <summary>Gets when the last report was recorded, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastCompletionAt { get; init; }

    /// <summary>Gets when the current claim lapses, or <see langword="null"/>.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>Gets when the next phase was triggered, or <see langword="null"/>.</summary>
    public DateTimeOffset? TriggeredAt { get; init; }

    /// <summary>
    /// Gets when the phase's <see cref="PhaseDefinition.Expected"/> schedule expected this run key, or
    /// <see langword="null"/>; set on the statuses the watchdog reports for run keys nobody reported for.
    /// </summary>
    public DateTimeOffset? ExpectedAt { get; init; }

    /// <summary>Gets the deadline (first report + the phase's deadline; expected time + the deadline when nobody reported), or <see langword="null"/>.</summary>
    public DateTimeOffset? DeadlineAt { get; init; }

    /// <summary>
    /// Gets the last failed attempt to trigger the next phase (HTTP status and Google status, or the exception's
    /// message; when; how many attempts failed), or <see langword="null"/> when none failed or the trigger since
    /// succeeded. Written as <c>"lastTriggerError": null</c> too, so a script sees the field either way.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TriggerError? LastTriggerError { get; init; }

    /// <summary>Gets a value indicating whether the deadline passed while the phase is incomplete.</summary>
    public required bool Overdue { get; init; }
}
