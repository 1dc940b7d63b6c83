using Microsoft.Extensions.Logging;

namespace Pax.Collection.Cameras.Internal;

/// <summary>Log messages of the camera client (event ids 1100–1149). URLs are passed through <see cref="RedactedUrl"/>.</summary>
internal static partial class CameraLog
{
    [LoggerMessage(EventId = 1100, EventName = "CameraListRead", Level = LogLevel.Information,
        Message = "Read {CameraCount} cameras from {Url} in {Attempts} attempt(s)")]
    public static partial void CameraListRead(ILogger logger, int cameraCount, string url, int attempts);

    [LoggerMessage(EventId = 1101, EventName = "CameraListEntrySkipped", Level = LogLevel.Debug,
        Message = "Skipped a camera list entry: {Reason}")]
    public static partial void CameraListEntrySkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, EventName = "CameraListEntriesSkipped", Level = LogLevel.Warning,
        Message = "Skipped {SkippedCount} of {EntryCount} camera list entries that could not be read; first: {FirstReason}")]
    public static partial void CameraListEntriesSkipped(ILogger logger, int skippedCount, int entryCount, string firstReason);

    [LoggerMessage(EventId = 1103, EventName = "CameraListFailed", Level = LogLevel.Error,
        Message = "Reading the camera list from {Url} failed: {Reason}")]
    public static partial void CameraListFailed(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 1104, EventName = "Retrying", Level = LogLevel.Information,
        Message = "Retrying {Subject} after {Failure} (retry {Retry} in {DelayMs} ms)")]
    public static partial void Retrying(ILogger logger, string subject, string failure, int retry, long delayMs);

    [LoggerMessage(EventId = 1105, EventName = "AnnouncedImageUrlIgnored", Level = LogLevel.Warning,
        Message = "Camera {CameraId} announced image URL {ImageUrl}, which is not on {BaseAddress}; fetching the API's own image URL instead")]
    public static partial void AnnouncedImageUrlIgnored(ILogger logger, string cameraId, string imageUrl, string baseAddress);

    [LoggerMessage(EventId = 1106, EventName = "ImageFetched", Level = LogLevel.Debug,
        Message = "Fetched the image of camera {CameraId}: {ByteCount} bytes, {ContentType}, {Attempts} attempt(s)")]
    public static partial void ImageFetched(ILogger logger, string cameraId, int byteCount, string? contentType, int attempts);

    [LoggerMessage(EventId = 1107, EventName = "ImageFetchFailed", Level = LogLevel.Debug,
        Message = "Fetching the image of camera {CameraId} failed: {Failure}: {Reason} ({Attempts} attempt(s))")]
    public static partial void ImageFetchFailed(ILogger logger, string cameraId, CameraFetchFailure failure, string reason, int attempts);
}
