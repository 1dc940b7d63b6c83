namespace Pax.Tool.Doctor.Findings;

/// <summary>The safe, exact changes <c>pax doctor --fix</c> can make.</summary>
internal enum FixKind
{
    /// <summary>Add <c>roles/run.invoker</c> for the member on the service or job (etag-safe read-modify-write).</summary>
    GrantInvoker,

    /// <summary>Make a Scheduler job send an OAuth token (scope cloud-platform): for Google APIs.</summary>
    UseOAuth,

    /// <summary>Make a Scheduler job send an OIDC token with the service URL as audience: for Cloud Run.</summary>
    UseOidc,
}
