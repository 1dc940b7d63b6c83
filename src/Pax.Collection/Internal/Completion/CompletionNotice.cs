using System.Globalization;
using Pax.Collection.Runs;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Processing;

namespace Pax.Collection.Internal.Completion;

/// <summary>
/// The collector's completion: run key = the slot (<see cref="PhaseHandover.SlotRunKey"/>), processor = <c>collector/{task index}</c>, encoded by the shared
/// contract (<see cref="CompletionWireFormat"/> in Pax.Orchestration.Abstractions) that Pax.Orchestration's intake reads.
/// </summary>
internal static class CompletionNotice
{
    public static CompletionMessage Create(CollectionReport report, string? phase) => new(
        phase,
        $"collector/{report.Task.Index}",
        PhaseHandover.SlotRunKey(report.Slot),
        report.Succeeded ? CompletionStatus.Succeeded : CompletionStatus.Failed,
        Details: string.Create(CultureInfo.InvariantCulture, $"{report.StoredOrAlreadyStored} of {report.Eligible} eligible cameras stored (ratio {report.StoredRatio:0.000}, floor {report.MinStoredRatio:0.00})"));
}
