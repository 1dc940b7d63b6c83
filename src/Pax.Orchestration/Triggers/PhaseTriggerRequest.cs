namespace Pax.Orchestration.Triggers;

/// <summary>What a trigger is told: the completed phase and run key, the idempotency key (<c>{phase}:{runKey}</c>) and the processors that reported success.</summary>
/// <param name="Phase">The completed phase.</param>
/// <param name="RunKey">The run key.</param>
/// <param name="IdempotencyKey">The key receivers deduplicate on.</param>
/// <param name="Completed">The processors that succeeded, sorted.</param>
public sealed record PhaseTriggerRequest(string Phase, string RunKey, string IdempotencyKey, IReadOnlyList<string> Completed)
{
    /// <summary>Returns the idempotency key of a (phase, run key): <c>{phase}:{runKey}</c>.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <returns>The key.</returns>
    public static string IdempotencyKeyFor(string phase, string runKey) => $"{phase}:{runKey}";
}
