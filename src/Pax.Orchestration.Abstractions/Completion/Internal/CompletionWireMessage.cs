using System.Text.Json.Serialization;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>The data JSON of a completion message: <c>{"phase","processor","runKey","status","details"}</c>, named by <see cref="CompletionWireFormat"/>.</summary>
internal sealed record CompletionWireMessage(
    [property: JsonPropertyName(CompletionWireFormat.PhaseField)] string? Phase,
    [property: JsonPropertyName(CompletionWireFormat.ProcessorField)] string Processor,
    [property: JsonPropertyName(CompletionWireFormat.RunKeyField)] string RunKey,
    [property: JsonPropertyName(CompletionWireFormat.StatusField)] string Status,
    [property: JsonPropertyName(CompletionWireFormat.DetailsField)] string? Details);
