namespace Pax.Tool.Doctor.Findings;

/// <summary>A change <c>--fix</c> may apply for a finding.</summary>
/// <param name="Kind">What changes.</param>
/// <param name="Resource">The service or job to grant on, or the Scheduler job whose token changes.</param>
/// <param name="Member">The member to grant (<c>serviceAccount:…</c>), or the job's service account email.</param>
/// <param name="Value">The role for a grant, the OAuth scope or the OIDC audience for a token change.</param>
internal sealed record FixAction(FixKind Kind, string Resource, string Member, string Value)
{
    public string Describe() => Kind switch
    {
        FixKind.GrantRole => $"grant {Value} to {Member} on {Resource}",
        FixKind.UseOAuth => $"make {Resource} send an OAuth token of {Member} (scope {Value})",
        _ => $"make {Resource} send an OIDC token of {Member} (audience {Value})",
    };
}
