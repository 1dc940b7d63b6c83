namespace Pax.Orchestration.Hosting;

/// <summary>Verifies a push token's signature, issuer, expiry and audience (<see cref="PushAuthenticationMode.VerifySignature"/>).</summary>
public interface IPushTokenValidator
{
    /// <summary>Verifies <paramref name="token"/>.</summary>
    /// <param name="token">The JWT.</param>
    /// <param name="audience">The audience it must carry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claims, or <see langword="null"/> when the token is not valid.</returns>
    Task<PushTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken);
}
