using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Internal.Telemetry;

namespace Pax.Collection.Internal.Reports;

/// <summary>Writes a run's <c>report.json</c>/<c>report.html</c> and reads earlier reports (hashes, stored snapshots' details).</summary>
internal sealed class ReportArtifacts(ISnapshotSink sink, ILogger logger)
{
    /// <summary>
    /// Writes both artifacts, at once (two uploads to Cloud Storage take the time of one); one that cannot be written is
    /// logged as an error and returned, never thrown.
    /// </summary>
    /// <returns>The artifacts not written, each with the reason; empty when both were written.</returns>
    public async Task<IReadOnlyList<string>> WriteAsync(CollectionReport report, CancellationToken cancellationToken)
    {
        var baseName = CollectionReport.GetBaseName(report.Task);
        var json = JsonSerializer.SerializeToUtf8Bytes(ReportDocument.From(report), ReportJsonContext.Default.ReportDocument);
        var html = Encoding.UTF8.GetBytes(ReportHtmlPage.Render(report));
        var written = await Task.WhenAll(
            WriteOneAsync(report.SlotPath, baseName + ".json", json, "application/json", cancellationToken),
            WriteOneAsync(report.SlotPath, baseName + ".html", html, "text/html; charset=utf-8", cancellationToken)).ConfigureAwait(false);
        return [.. written.OfType<string>()];
    }

    private static int _prepared;

    /// <summary>
    /// Serializes an empty report document, once per process, so that what a process's first serialization sets up (the
    /// report's JSON metadata and converters) is ready before the run's report is written: the runner calls it while the
    /// camera list is on its way.
    /// </summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 0)
        {
            JsonSerializer.SerializeToUtf8Bytes(
                new ReportDocument(default, string.Empty, new ReportTask(0, 1, 0, null, null), string.Empty, string.Empty, default, default, 0, new Dictionary<string, int>(), 0, 0, 0, true, []),
                ReportJsonContext.Default.ReportDocument);
        }
    }

    /// <summary>Reads camera id → its line in this slot's earlier report for this task (a re-run keeps what it said about snapshots stored then).</summary>
    public async Task<IReadOnlyDictionary<string, ReportCamera>> ReadCamerasAsync(string slotPath, CloudRunTaskInfo task, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(slotPath, task, cancellationToken).ConfigureAwait(false);
        return (document?.Cameras ?? [])
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Writes one artifact; returns why it was not written, or <see langword="null"/>.</summary>
    private async Task<string?> WriteOneAsync(string slotPath, string fileName, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var path = $"{sink.Location}/{slotPath}/{fileName}";
        try
        {
            await sink.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken).ConfigureAwait(false);
            CollectionLog.ReportWritten(logger, path);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The snapshots are stored; the report is not. Say so loudly, and let the caller turn it into the exit code.
            CollectionLog.ArtifactNotWritten(logger, path, ex.Message, ex);
            return $"{path}: {ex.Message}";
        }
    }

    /// <summary>Reads camera id → SHA-256 from a slot's report for this task; empty when there is none or it is unreadable.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadHashesAsync(string slotPath, CloudRunTaskInfo task, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(slotPath, task, cancellationToken).ConfigureAwait(false);
        return (document?.Cameras ?? [])
            .Where(c => c.Sha256 is not null)
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Sha256!, StringComparer.Ordinal);
    }

    private async Task<ReportDocument?> ReadAsync(string slotPath, CloudRunTaskInfo task, CancellationToken cancellationToken)
    {
        var fileName = CollectionReport.GetBaseName(task) + ".json";
        try
        {
            var bytes = await sink.ReadArtifactAsync(slotPath, fileName, cancellationToken).ConfigureAwait(false);
            return bytes is null ? null : JsonSerializer.Deserialize(bytes, ReportJsonContext.Default.ReportDocument);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException
            or SnapshotSinkException { Failure: not SnapshotSinkFailure.AccessRefused })
        {
            // Unavailable/Rejected (a truncated body, a CRC32C mismatch after retries): the report is unreadable, so skipped.
            CollectionLog.PreviousReportUnreadable(logger, $"{sink.Location}/{slotPath}/{fileName}", ex);
            return null;
        }
    }
}
