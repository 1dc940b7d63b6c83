using System.Text.Json.Serialization;
using Pax.Collection.Runs;

namespace Pax.Collection.Internal.Reports;

/// <summary>The wire shape of <c>report.json</c> (snake case, durations in milliseconds).</summary>
internal sealed record ReportDocument(
    DateTimeOffset Slot,
    string SlotPath,
    ReportTask Task,
    string Sink,
    string Selection,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    long DurationMs,
    IReadOnlyDictionary<string, int> Counts,
    int Eligible,
    double StoredRatio,
    double MinStoredRatio,
    bool Succeeded,
    IReadOnlyList<ReportCamera> Cameras)
{
    public static ReportDocument From(CollectionReport report) => new(
        report.Slot,
        report.SlotPath,
        new ReportTask(report.Task.Index, report.Task.Count, report.Task.Attempt, report.Task.Execution, report.Task.Job),
        report.Sink,
        report.Selection,
        report.StartedAt,
        report.FinishedAt,
        (long)report.Duration.TotalMilliseconds,
        Enum.GetValues<CameraOutcomeKind>().ToDictionary(ReportWireNames.Of, report.Count, StringComparer.Ordinal),
        report.Eligible,
        Math.Round(report.StoredRatio, 4),
        report.MinStoredRatio,
        report.Succeeded,
        report.Cameras.Select(ReportCamera.From).ToList());
}

/// <summary>The task part of <c>report.json</c>.</summary>
internal sealed record ReportTask(int Index, int Count, int Attempt, string? Execution, string? Job);

/// <summary>One camera's line in <c>report.json</c>.</summary>
internal sealed record ReportCamera(
    string Id,
    string Name,
    string Outcome,
    string? Reason,
    string? ObjectName,
    int? Bytes,
    string? Sha256,
    int Attempts,
    DateTimeOffset? FetchedAt,
    long DurationMs)
{
    public static ReportCamera From(CameraOutcome outcome) => new(
        outcome.CameraId,
        outcome.CameraName,
        ReportWireNames.Of(outcome.Outcome),
        outcome.Reason,
        outcome.ObjectName,
        outcome.Bytes,
        outcome.Sha256,
        outcome.Attempts,
        outcome.FetchedAt,
        (long)outcome.Duration.TotalMilliseconds);
}

/// <summary>Source-generated JSON for reports.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
