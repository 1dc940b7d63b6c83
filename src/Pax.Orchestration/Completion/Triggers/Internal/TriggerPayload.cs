using System.Text.Json.Serialization;
using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Completion.Triggers.Internal;

/// <summary>The JSON body the Pub/Sub and HTTP triggers send: the handover's names (<see cref="PhaseHandover"/>) plus <c>completed</c>.</summary>
internal sealed record TriggerPayload(
    [property: JsonPropertyName(PhaseHandover.PhaseAttribute)] string Phase,
    [property: JsonPropertyName(PhaseHandover.RunKeyAttribute)] string RunKey,
    [property: JsonPropertyName(PhaseHandover.IdempotencyKeyAttribute)] string IdempotencyKey,
    [property: JsonPropertyName("completed")] IReadOnlyList<string> Completed)
{
    public static TriggerPayload From(PhaseTriggerRequest request) => new(request.Phase, request.RunKey, request.IdempotencyKey, request.Completed);
}
