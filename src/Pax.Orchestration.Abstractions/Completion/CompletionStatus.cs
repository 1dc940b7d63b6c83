namespace Pax.Orchestration.Completion;

/// <summary>What a processor reports for a run key.</summary>
public enum CompletionStatus
{
    /// <summary>The processor finished its part (<c>"succeeded"</c>).</summary>
    Succeeded,

    /// <summary>The processor gave up (<c>"failed"</c>); a failure blocks the phase's trigger until the processor reports success.</summary>
    Failed,
}
