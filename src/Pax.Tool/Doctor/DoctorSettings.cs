namespace Pax.Tool.Doctor;

/// <summary>What <c>pax doctor</c> was asked to check.</summary>
/// <param name="Project">The project id (<c>--project</c>).</param>
/// <param name="Regions">The regions whose Scheduler jobs and Cloud Run services and jobs are read (<c>--region</c>, at least one).</param>
/// <param name="Format">The report format (<c>--format</c>).</param>
/// <param name="Fix">Whether to apply the safe fixes (<c>--fix</c>).</param>
/// <param name="Yes">Whether to apply them without asking (<c>--yes</c>).</param>
internal sealed record DoctorSettings(string Project, IReadOnlyList<string> Regions, DoctorFormat Format, bool Fix = false, bool Yes = false)
{
    /// <summary>The time budget of one check's reads when <c>--timeout</c> is not given: 120 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Gets the time budget of one check's reads (<c>--timeout</c>): what is unread when it runs out goes to <c>incomplete</c>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
