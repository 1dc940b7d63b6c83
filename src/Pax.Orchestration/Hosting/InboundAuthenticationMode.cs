namespace Pax.Orchestration.Hosting;

/// <summary>
/// How an inbound request (a push delivery, a tick, a job request, a dashboard page) is authenticated. Behind a Cloud Run
/// service with IAM invoker checks, Cloud Run verifies the caller's ID token and replaces its signature with
/// <c>SIGNATURE_REMOVED_BY_GOOGLE</c>, so the app cannot verify it again: use <see cref="CloudRunIam"/> there and
/// <see cref="VerifySignature"/> on a public endpoint.
/// </summary>
public enum InboundAuthenticationMode
{
    /// <summary>
    /// Cloud Run checked the token (the caller holds <c>roles/run.invoker</c>): the header is required and its claims
    /// (audience, email) are checked without the signature. Refused at startup off Cloud Run (<c>K_SERVICE</c> not set),
    /// where nothing checked the signature.
    /// </summary>
    CloudRunIam,

    /// <summary>Public endpoint: the token's Google signature, issuer, expiry and audience are verified (<see cref="IInboundTokenValidator"/>), then its email.</summary>
    VerifySignature,

    /// <summary>No check: only for local runs and emulators (which send no token); must be chosen explicitly.</summary>
    None,
}
