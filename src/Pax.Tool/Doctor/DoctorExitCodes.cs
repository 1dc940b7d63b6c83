namespace Pax.Tool.Doctor;

/// <summary>The exit codes of <c>pax doctor</c> (a contract: scripts and CI checks depend on them).</summary>
internal static class DoctorExitCodes
{
    /// <summary>Every check ran and found no error.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding of severity <c>error</c>.</summary>
    public const int Errors = 1;

    /// <summary>No error finding, but at least one check could not run (listed in <c>incomplete</c>).</summary>
    public const int Incomplete = 2;

    /// <summary>The command line was wrong (unknown flag, missing <c>--project</c>/<c>--region</c>, bad value); nothing was read.</summary>
    public const int Usage = 64;

    /// <summary>pax stopped on a fault it did not expect (a bug): one <c>error:</c> line on stderr, no report (sysexits' EX_SOFTWARE).</summary>
    public const int Unexpected = 70;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
