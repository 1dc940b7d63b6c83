using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Processing;

/// <summary>What a processor reports for a run key: <see cref="Succeeded"/> or <see cref="Failed"/>, with details.</summary>
public sealed class ProcessorOutcome
{
    private ProcessorOutcome(CompletionStatus status, string? details)
    {
        Status = status;
        Details = details;
    }

    /// <summary>Gets the status reported.</summary>
    public CompletionStatus Status { get; }

    /// <summary>Gets the free text reported with it (the completion message's <c>details</c>), or <see langword="null"/>.</summary>
    public string? Details { get; }

    /// <summary>The work is done for the run key.</summary>
    /// <param name="details">What was done, or <see langword="null"/>.</param>
    /// <returns>The outcome.</returns>
    public static ProcessorOutcome Succeeded(string? details = null) => new(CompletionStatus.Succeeded, details);

    /// <summary>The work gave up for the run key: the phase's next trigger waits until this processor reports success.</summary>
    /// <param name="reason">Why, for the orchestrator's tally and the exit line.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static ProcessorOutcome Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(CompletionStatus.Failed, reason);
    }
}
