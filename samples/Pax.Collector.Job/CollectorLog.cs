using Microsoft.Extensions.Logging;

namespace Pax.Collector.Job;

/// <summary>Log events of the collector host (event ids 1900–1909).</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(1900, LogLevel.Error, "The collector failed unexpectedly: {Reason}. Snapshots stored so far are kept; exit code {ExitCode}")]
    public static partial void UnexpectedFailure(ILogger logger, string reason, int exitCode, Exception exception);
}
