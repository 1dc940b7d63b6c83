namespace Pax.Tool.Doctor.Findings;

/// <summary>A read that failed, so the checks that need it did not run.</summary>
/// <param name="Api">The API, such as <c>cloudscheduler.googleapis.com</c>.</param>
/// <param name="Location">The region, or <c>global</c> for project-wide reads.</param>
/// <param name="Reason">What failed and what it needs (the permission and role, or the API to enable).</param>
internal sealed record IncompleteCheck(string Api, string Location, string Reason);
