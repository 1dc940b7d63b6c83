using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;

namespace Pax.Collection.Hosting;

/// <summary>
/// A collector Job's exit codes, as the README documents them, and the policy that picks one. Any non-zero code makes
/// Cloud Run retry the task, which stores nothing twice.
/// </summary>
public static class CollectorExitCodes
{
    /// <summary>The run stored at least the configured share of eligible cameras.</summary>
    public const int Success = 0;

    /// <summary>The run finished, but stored fewer cameras than the floor asks (see the report).</summary>
    public const int UnderFloor = 1;

    /// <summary>
    /// The run could not work: bad settings, camera list unavailable, sink refused access (nothing was stored), or the
    /// sink ran out of space (the run stopped at the first full-disk error; what was stored is kept).
    /// </summary>
    public const int Failed = 2;

    /// <summary>
    /// The run stored its snapshots (at least the floor's share), but a run artifact (<c>report.json</c>,
    /// <c>report.html</c>, <c>report-task-{i}.json</c>) could not be written; each failure is logged as an ERROR line.
    /// Cloud Run retries the task, which stores nothing twice and writes the report again.
    /// </summary>
    public const int ArtifactsNotWritten = 3;

    /// <summary>
    /// An unexpected error ended the run (a bug, or a failure Pax does not know): the host logs it as one ERROR line
    /// shaped for Cloud Error Reporting, with the exception's stack trace. Snapshots stored before it are kept.
    /// </summary>
    public const int Unexpected = 70;

    /// <summary>The run was cancelled (SIGTERM/Ctrl+C); once collecting had begun, its report was written first.</summary>
    public const int Cancelled = 130;

    /// <summary>Returns the exit code of a finished run.</summary>
    /// <param name="report">The run's report.</param>
    /// <returns><see cref="UnderFloor"/>, <see cref="ArtifactsNotWritten"/> or <see cref="Success"/>.</returns>
    public static int ForReport(CollectionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return !report.Succeeded ? UnderFloor
            : report.ArtifactFailures.Count > 0 ? ArtifactsNotWritten
            : Success;
    }

    /// <summary>Returns the exit code of a run that ended with <paramref name="exception"/>.</summary>
    /// <param name="exception">What ended the run.</param>
    /// <param name="cancellationToken">The run's token: a cancellation counts as <see cref="Cancelled"/> only when it was requested.</param>
    /// <returns><see cref="Cancelled"/>, <see cref="Failed"/> (<see cref="IsSettingsMistake"/> or <see cref="IsRunFailure"/>) or <see cref="Unexpected"/>.</returns>
    public static int ForException(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is OperationCanceledException or CollectionCancelledException && cancellationToken.IsCancellationRequested ? Cancelled
            : IsSettingsMistake(exception) || IsRunFailure(exception) ? Failed
            : Unexpected;
    }

    /// <summary>
    /// Returns whether <paramref name="exception"/> is a user's mistake (a setting, a flag, a file, an area name): the
    /// host prints its message as one <c>error: …</c> line, without a stack trace.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for invalid options, flags, manifests and arguments.</returns>
    public static bool IsSettingsMistake([NotNullWhen(true)] Exception? exception) =>
        exception is OptionsValidationException or FormatException or CameraManifestException or ArgumentException;

    /// <summary>
    /// Returns whether <paramref name="exception"/> is an expected failure of the run (camera list unavailable, sink
    /// refused access or unavailable, disk full): its message says what happened; a stack trace would only hide it.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for <see cref="CollectionFailedException"/>, <see cref="CameraApiException"/>, <see cref="SnapshotSinkException"/> and <see cref="IOException"/>.</returns>
    public static bool IsRunFailure([NotNullWhen(true)] Exception? exception) =>
        exception is CollectionFailedException or CameraApiException or SnapshotSinkException or IOException;
}
