namespace Pax.Orchestration.Completion.Triggers.Internal;

/// <summary>The JSON body the Pub/Sub and HTTP triggers send.</summary>
internal sealed record TriggerPayload(string Phase, string RunKey, string IdempotencyKey, IReadOnlyList<string> Completed)
{
    public static TriggerPayload From(PhaseTriggerRequest request) => new(request.Phase, request.RunKey, request.IdempotencyKey, request.Completed);
}
