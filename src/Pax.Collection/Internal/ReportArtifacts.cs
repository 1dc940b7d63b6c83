using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;

namespace Pax.Collection.Internal;

/// <summary>Writes a run's <c>report.json</c>/<c>report.html</c> and reads the hashes of earlier reports.</summary>
internal sealed class ReportArtifacts(ISnapshotSink sink, ILogger logger)
{
    public async Task WriteAsync(CollectionReport report, CancellationToken cancellationToken)
    {
        var baseName = CollectionReport.GetBaseName(report.Task);
        var json = JsonSerializer.SerializeToUtf8Bytes(ReportDocument.From(report), ReportJsonContext.Default.ReportDocument);
        await sink.WriteArtifactAsync(report.SlotPath, baseName + ".json", json, "application/json", cancellationToken).ConfigureAwait(false);
        CollectionLog.ReportWritten(logger, $"{sink.Location}/{report.SlotPath}/{baseName}.json");

        var html = Encoding.UTF8.GetBytes(ReportHtmlPage.Render(report));
        await sink.WriteArtifactAsync(report.SlotPath, baseName + ".html", html, "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        CollectionLog.ReportWritten(logger, $"{sink.Location}/{report.SlotPath}/{baseName}.html");
    }

    /// <summary>Reads camera id → SHA-256 from a slot's report for this task; empty when there is none or it is unreadable.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadHashesAsync(string slotPath, CloudRunTaskInfo task, CancellationToken cancellationToken)
    {
        var fileName = CollectionReport.GetBaseName(task) + ".json";
        try
        {
            var bytes = await sink.ReadArtifactAsync(slotPath, fileName, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return new Dictionary<string, string>();
            }

            var document = JsonSerializer.Deserialize(bytes, ReportJsonContext.Default.ReportDocument);
            return (document?.Cameras ?? [])
                .Where(c => c.Sha256 is not null)
                .GroupBy(c => c.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Sha256!, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            CollectionLog.PreviousReportUnreadable(logger, $"{sink.Location}/{slotPath}/{fileName}", ex);
            return new Dictionary<string, string>();
        }
    }
}
