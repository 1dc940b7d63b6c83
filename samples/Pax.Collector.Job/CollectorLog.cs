using Microsoft.Extensions.Logging;

namespace Pax.Collector.Job;

/// <summary>Log events of the collector host (event ids 1900–1949).</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(1900, LogLevel.Critical, "Collection failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string reason);

    [LoggerMessage(1904, LogLevel.Debug, "Collection failed; the exception")]
    public static partial void RunFailureDetail(ILogger logger, Exception exception);

    [LoggerMessage(1901, LogLevel.Warning, "Collection cancelled; snapshots stored so far are kept, the report lists what was done ({ReportLocation}) and a re-run fetches the rest")]
    public static partial void RunCancelled(ILogger logger, string reportLocation);

    [LoggerMessage(1902, LogLevel.Warning, "Collection cancelled before its report was written; snapshots stored so far are kept and a re-run fetches the rest")]
    public static partial void CancelledBeforeCollecting(ILogger logger);

    [LoggerMessage(1903, LogLevel.Error, "The collector failed unexpectedly: {Reason}. Snapshots stored so far are kept; exit code {ExitCode}")]
    public static partial void UnexpectedFailure(ILogger logger, string reason, int exitCode, Exception exception);
}
