namespace Pax.Orchestration.Completion.Internal;

/// <summary>The data JSON of a completion message: <c>{"phase","processor","runKey","status","details"}</c>.</summary>
internal sealed record CompletionWireMessage(string? Phase, string Processor, string RunKey, string Status, string? Details);
