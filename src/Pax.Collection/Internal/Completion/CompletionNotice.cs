using System.Globalization;
using Pax.Collection.Runs;
using Pax.Orchestration.Completion;

namespace Pax.Collection.Internal.Completion;

/// <summary>
/// The collector's completion: run key = the slot, processor = <c>collector/{task index}</c>, encoded by the shared
/// contract (<see cref="CompletionWireFormat"/> in Pax.Orchestration.Abstractions) that Pax.Orchestration's intake reads.
/// </summary>
internal static class CompletionNotice
{
    public static string RunKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static CompletionMessage Create(CollectionReport report, string? phase) => new(
        phase,
        $"collector/{report.Task.Index}",
        RunKey(report.Slot),
        report.Succeeded ? CompletionStatus.Succeeded : CompletionStatus.Failed,
        Details: string.Create(CultureInfo.InvariantCulture, $"{report.StoredOrAlreadyStored} of {report.Eligible} eligible cameras stored (ratio {report.StoredRatio:0.000}, floor {report.MinStoredRatio:0.00})"));
}
