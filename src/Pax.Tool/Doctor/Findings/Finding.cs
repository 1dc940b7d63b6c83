namespace Pax.Tool.Doctor.Findings;

/// <summary>One mistake, on the resource whose configuration is wrong.</summary>
/// <param name="Id">The rule id, the analyzers' own for the same mistake (<c>PAX001</c>…).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Resource">The REST resource name that is wrong, such as <c>projects/P/locations/R/jobs/J</c>.</param>
/// <param name="Target">What it calls (a URL), or the service itself for a service finding.</param>
/// <param name="Member">The IAM member involved, such as <c>serviceAccount:a@p.iam.gserviceaccount.com</c> or <c>allUsers</c>; <see langword="null"/> when none.</param>
/// <param name="Message">What is wrong and what it causes.</param>
/// <param name="Fix">The gcloud command that fixes it.</param>
/// <param name="Action">The change <c>--fix</c> may apply, or <see langword="null"/> when the fix is a decision (not automatic).</param>
internal sealed record Finding(string Id, FindingSeverity Severity, string Resource, string Target, string? Member, string Message, string Fix, FixAction? Action = null)
{
    /// <summary>Gets what the live project showed about the resource (its last attempt, push answers, executions), as sentences; empty when nothing was read.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
