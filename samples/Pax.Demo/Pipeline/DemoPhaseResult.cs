using Pax.Orchestration.Completion;

namespace Pax.Demo.Pipeline;

/// <summary>Where a phase's tally ended, and how often this run started the phase after it.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Progress">The tally as the orchestrator reports it (<c>GET /tallies/{phase}/{runKey}</c>).</param>
/// <param name="StartsThisRun">How many times this run started the next phase (1 on a fresh slot; 0 when an earlier run of the slot already did).</param>
public sealed record DemoPhaseResult(string Phase, TallyProgress Progress, int StartsThisRun);
