using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Completion.Triggers;

/// <summary>What a trigger is told: the completed phase and run key, the idempotency key (<c>{phase}:{runKey}</c>) and the processors that reported success.</summary>
/// <param name="Phase">The completed phase.</param>
/// <param name="RunKey">The run key.</param>
/// <param name="IdempotencyKey">The key receivers deduplicate on.</param>
/// <param name="Completed">The processors that succeeded, sorted; empty for a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>, whose reports are counted, not listed (naming them would mean reading up to 10,000 records back before the trigger).</param>
public sealed record PhaseTriggerRequest(string Phase, string RunKey, string IdempotencyKey, IReadOnlyList<string> Completed)
{
    /// <summary>
    /// Gets whether this is a re-drive: an earlier attempt claimed the same (phase, run key) and its lease ran out
    /// without the tally being marked triggered (the trigger failed or timed out, or the process died), so that attempt
    /// may have reached the receiver. A trigger that can look for what an earlier attempt started (the Cloud Run Job
    /// trigger lists the job's executions) does so only then.
    /// </summary>
    /// <value><see langword="false"/> for the first attempt.</value>
    public bool Redrive { get; init; }

    /// <summary>Returns the idempotency key of a (phase, run key): <c>{phase}:{runKey}</c> (<see cref="PhaseHandover.IdempotencyKeyFor"/>).</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <returns>The key.</returns>
    public static string IdempotencyKeyFor(string phase, string runKey) => PhaseHandover.IdempotencyKeyFor(phase, runKey);
}
