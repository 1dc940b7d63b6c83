namespace Pax.Tool.Doctor.Findings;

/// <summary>A change <c>--fix</c> may apply for a finding.</summary>
/// <param name="Kind">What changes.</param>
/// <param name="Resource">The service or job to grant on, or the Scheduler job whose token changes.</param>
/// <param name="Member">The member to grant (<c>serviceAccount:…</c>), or the job's service account email.</param>
/// <param name="Value">The OAuth scope or OIDC audience for a token change; <see langword="null"/> for a grant.</param>
internal sealed record FixAction(FixKind Kind, string Resource, string Member, string? Value = null)
{
    public string Describe() => Kind switch
    {
        FixKind.GrantInvoker => $"grant roles/run.invoker to {Member} on {Resource}",
        FixKind.UseOAuth => $"make {Resource} send an OAuth token of {Member} (scope {Value})",
        _ => $"make {Resource} send an OIDC token of {Member} (audience {Value})",
    };
}
