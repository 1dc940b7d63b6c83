namespace Pax.Demo.Pipeline;

/// <summary>One thing that happened during the run, in order.</summary>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Actor">Who did it: <c>simulator</c>, <c>collector/0</c>, <c>orchestrator</c>, <c>contact-sheet</c>, …</param>
/// <param name="Text">What happened.</param>
public sealed record DemoStep(TimeSpan Elapsed, string Actor, string Text);
