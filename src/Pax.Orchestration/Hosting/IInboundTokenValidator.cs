namespace Pax.Orchestration.Hosting;

/// <summary>
/// Verifies a caller's Google ID token — signature, issuer, expiry and audience — for
/// <see cref="InboundAuthenticationMode.VerifySignature"/>, on every endpoint Pax guards (push intake, operator
/// endpoints, tick and job API, dashboard). The built-in one is <see cref="GoogleInboundTokenValidator"/>; register your
/// own before <c>AddPaxOrchestration</c>, <c>AddPaxScheduling</c> or <c>AddPaxDashboard</c> to replace it.
/// </summary>
/// <remarks>
/// <b>Return <see langword="null"/> for a bad token; throw only when the check itself cannot be made.</b> A token that is
/// malformed, expired, for another audience or wrongly signed is the caller's mistake: return <see langword="null"/>, and
/// the request is answered 401. An exception means "the check is unavailable" (Google's certificates could not be
/// fetched): the request is answered 503 (<see cref="InboundTokenCheckUnavailableException"/>, log event 4041), which
/// tells Pub/Sub and Cloud Scheduler to retry. A validator that throws on a bad token therefore turns every forged or
/// stale push into endless redeliveries logged as an outage, instead of a 401 naming the token.
/// </remarks>
public interface IInboundTokenValidator
{
    /// <summary>Verifies <paramref name="token"/>.</summary>
    /// <param name="token">The JWT (without <c>Bearer </c>).</param>
    /// <param name="audience">The audience it must carry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claims, or <see langword="null"/> when the token is not valid (answered 401).</returns>
    /// <exception cref="Exception">Only when the token cannot be checked now (answered 503, and the caller retries).</exception>
    Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken);
}
