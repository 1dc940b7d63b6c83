namespace Pax.Tool.Doctor.Findings;

/// <summary>The safe, exact changes <c>pax doctor --fix</c> can make.</summary>
internal enum FixKind
{
    /// <summary>Add the member to a role (<see cref="FixAction.Value"/>) on the service or job (etag-safe read-modify-write): <c>roles/run.invoker</c>, or <c>roles/run.jobsExecutorWithOverrides</c> for a run with overrides.</summary>
    GrantRole,

    /// <summary>Make a Scheduler job send an OAuth token (scope cloud-platform): for Google APIs.</summary>
    UseOAuth,

    /// <summary>Make a Scheduler job send an OIDC token with the service URL as audience: for Cloud Run.</summary>
    UseOidc,
}
