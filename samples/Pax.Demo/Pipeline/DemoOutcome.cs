using Pax.Collection.Runs;
using Pax.Demo.Tracing;

namespace Pax.Demo.Pipeline;

/// <summary>What one run of the demo did: the collector's reports, where each phase ended, the files written, the steps in order.</summary>
public sealed record DemoOutcome
{
    /// <summary>Gets the slot (the run key).</summary>
    public required string RunKey { get; init; }

    /// <summary>Gets the slot's folder: snapshots, the tasks' reports and the contact sheet.</summary>
    public required string SlotFolder { get; init; }

    /// <summary>Gets the collector tasks' reports, by task index.</summary>
    public required IReadOnlyList<CollectionReport> Reports { get; init; }

    /// <summary>Gets how many snapshots (<c>*.jpg</c>) the slot's folder holds.</summary>
    public required int Snapshots { get; init; }

    /// <summary>Gets each phase's result, in pipeline order.</summary>
    public required IReadOnlyList<DemoPhaseResult> Phases { get; init; }

    /// <summary>Gets the contact sheet's path (written by phase 2's processor).</summary>
    public required string ContactSheet { get; init; }

    /// <summary>Gets the SQLite file holding the tallies.</summary>
    public required string TallyDatabase { get; init; }

    /// <summary>Gets the steps, in the order they happened.</summary>
    public required IReadOnlyList<DemoStep> Steps { get; init; }

    /// <summary>Gets the W3C trace id of the slot's run (every span of both phases is in it).</summary>
    public required string TraceId { get; init; }

    /// <summary>Gets the slot's trace as a tree (phase, processor, trigger, next phase), or <see langword="null"/> when it could not be recorded.</summary>
    public TraceNode? Trace { get; init; }

    /// <summary>Gets a value indicating whether every task succeeded, every phase is triggered and the contact sheet exists.</summary>
    public bool Succeeded => Reports.All(r => r.Succeeded) && Phases.All(p => p.Progress.Triggered) && File.Exists(ContactSheet);
}
