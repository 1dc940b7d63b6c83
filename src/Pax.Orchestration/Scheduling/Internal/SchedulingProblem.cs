namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The JSON body of a refused scheduler request: <c>{"error": "…"}</c>.</summary>
internal sealed record SchedulingProblem(string Error);
