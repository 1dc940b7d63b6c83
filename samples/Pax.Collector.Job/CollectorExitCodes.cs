namespace Pax.Collector.Job;

/// <summary>The collector's exit codes. Any non-zero code makes Cloud Run retry the task.</summary>
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
    /// An unexpected error ended the run (a bug, or a failure Pax does not know): it is logged as one ERROR line shaped
    /// for Cloud Error Reporting, with the exception's stack trace. Snapshots stored before it are kept.
    /// </summary>
    public const int Unexpected = 70;

    /// <summary>The run was cancelled (SIGTERM/Ctrl+C); once collecting had begun, its report was written first.</summary>
    public const int Cancelled = 130;
}
