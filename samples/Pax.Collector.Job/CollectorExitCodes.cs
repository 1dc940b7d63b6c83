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

    /// <summary>The run was cancelled (SIGTERM/Ctrl+C); once collecting had begun, its report was written first.</summary>
    public const int Cancelled = 130;
}
