using Microsoft.Extensions.Logging;
using Pax.Collection.Runs;

namespace Pax.Collection.Internal.Telemetry;

/// <summary>Log events of a collection run (event ids 1000–1099).</summary>
internal static partial class CollectionLog
{
    [LoggerMessage(1000, LogLevel.Information, "Collecting slot {Slot:u} as task {TaskIndex} of {TaskCount}: {CameraCount} cameras ({Selection}) into {Sink}")]
    public static partial void RunStarting(ILogger logger, DateTimeOffset slot, int taskIndex, int taskCount, int cameraCount, string selection, string sink);

    [LoggerMessage(1001, LogLevel.Information, "Slot {Slot:u}: {Stored} stored, {AlreadyStored} already stored, {Failures} not stored of {Eligible} eligible (ratio {Ratio:0.000}, floor {Floor:0.00}) in {DurationMs} ms")]
    public static partial void RunFinished(ILogger logger, DateTimeOffset slot, int stored, int alreadyStored, int failures, int eligible, double ratio, double floor, long durationMs);

    [LoggerMessage(1002, LogLevel.Warning, "Slot {Slot:u}: stored ratio {Ratio:0.000} is under the floor {Floor:0.00}; the task will exit non-zero so Cloud Run retries it")]
    public static partial void RatioUnderFloor(ILogger logger, DateTimeOffset slot, double ratio, double floor);

    [LoggerMessage(1003, LogLevel.Debug, "Camera {CameraId} ({CameraName}): {Outcome}")]
    public static partial void CameraStored(ILogger logger, string cameraId, string cameraName, CameraOutcomeKind outcome);

    [LoggerMessage(1004, LogLevel.Warning, "Camera {CameraId} ({CameraName}): {Outcome}: {Reason}")]
    public static partial void CameraNotStored(ILogger logger, string cameraId, string cameraName, CameraOutcomeKind outcome, string? reason);

    [LoggerMessage(1005, LogLevel.Information, "Slot {Slot:u} already holds {Count} of this task's snapshots; only the missing ones are fetched")]
    public static partial void ResumingSlot(ILogger logger, DateTimeOffset slot, int count);

    [LoggerMessage(1006, LogLevel.Warning, "Could not read the previous report {Path}; stale cameras will not be detected this run")]
    public static partial void PreviousReportUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(1007, LogLevel.Warning, "Run deadline of {Deadline} reached; cameras not yet fetched are reported as timed out")]
    public static partial void DeadlineReached(ILogger logger, TimeSpan deadline);

    [LoggerMessage(1009, LogLevel.Information, "Published completion to {Topic}: processor {Processor}, run key {RunKey}, {Status} (message {MessageId})")]
    public static partial void CompletionPublished(ILogger logger, string topic, string processor, string runKey, string status, string messageId);

    [LoggerMessage(1010, LogLevel.Warning, "Slot {Slot:u}: the run was cancelled and its report could not be written")]
    public static partial void CancelledReportNotWritten(ILogger logger, DateTimeOffset slot, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "Slot {Slot:u}: the run was cancelled after {Done} of {Total} cameras; the report lists what was done and a re-run collects the rest")]
    public static partial void RunCancelled(ILogger logger, DateTimeOffset slot, int done, int total);

    [LoggerMessage(1012, LogLevel.Error, "Could not write the run artifact {Path}: {Reason}. The snapshots are stored; the task exits non-zero so a retry writes it")]
    public static partial void ArtifactNotWritten(ILogger logger, string path, string reason, Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "Wrote {Path}")]
    public static partial void ReportWritten(ILogger logger, string path);
}
