using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// Whom a delivery was meant for, as far as it could be read — kept with a rejection so the run key's page can show
/// it: the phase (a valid name it gave, or the only configured phase when it gave none), the run key (when valid) and
/// the processor as sent (well-formed, at most <see cref="RejectedMessage.MaxProcessorLength"/> characters).
/// </summary>
internal sealed record CompletionAddress(string? Phase, string? RunKey, string? Processor)
{
    public static readonly CompletionAddress None = new(null, null, null);

    public static CompletionAddress From(string? phase, string? runKey, string? processor, IReadOnlyList<PhaseDefinition> phases) => new(
        string.IsNullOrEmpty(phase) ? (phases.Count == 1 ? phases[0].Name : null) : CompletionNames.ValidatePhase(phase) is null ? phase : null,
        CompletionNames.ValidateRunKey(runKey) is null ? runKey : null,
        processor is null ? null : WellFormedText.Repair(processor.Length > RejectedMessage.MaxProcessorLength ? processor[..RejectedMessage.MaxProcessorLength] : processor));

    /// <summary>Applies the address to the record kept of a rejection.</summary>
    public RejectedMessage Apply(RejectedMessage rejected) => rejected with { Phase = Phase, RunKey = RunKey, Processor = Processor };
}
