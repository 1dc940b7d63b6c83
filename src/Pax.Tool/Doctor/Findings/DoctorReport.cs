namespace Pax.Tool.Doctor.Findings;

/// <summary>What <c>pax doctor</c> found in one project.</summary>
/// <param name="Project">The project id.</param>
/// <param name="Findings">The findings, errors first.</param>
/// <param name="Incomplete">The reads that failed.</param>
/// <param name="Checked">How many of each resource kind were read and checked.</param>
internal sealed record DoctorReport(string Project, IReadOnlyList<Finding> Findings, IReadOnlyList<IncompleteCheck> Incomplete, CheckedCounts Checked)
{
    /// <summary>Gets the exit code: 1 with any error finding, else 2 when anything is incomplete, else 0.</summary>
    public int ExitCode =>
        Findings.Any(f => f.Severity == FindingSeverity.Error) ? DoctorExitCodes.Errors
        : Incomplete.Count > 0 ? DoctorExitCodes.Incomplete
        : DoctorExitCodes.Clean;
}
