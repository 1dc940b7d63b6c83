using Google.Apis.Auth;

namespace Pax.Orchestration.Hosting;

/// <summary>
/// Verifies Google-signed ID tokens with Google.Apis.Auth (<c>GoogleJsonWebSignature.ValidateAsync</c>): RS256
/// signature against Google's certificates, issuer <c>accounts.google.com</c>, expiry and audience. A token whose
/// signature Cloud Run replaced with <c>SIGNATURE_REMOVED_BY_GOOGLE</c> fails here: behind IAM-checked Cloud Run use
/// <see cref="PushAuthenticationMode.CloudRunIam"/>.
/// </summary>
public sealed class GooglePushTokenValidator : IPushTokenValidator
{
    /// <inheritdoc />
    public async Task<PushTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        try
        {
            var settings = new GoogleJsonWebSignature.ValidationSettings { Audience = [audience] };
            var payload = await GoogleJsonWebSignature.ValidateAsync(token, settings).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PushTokenClaims(payload.Email, payload.EmailVerified, [audience]);
        }
        catch (InvalidJwtException)
        {
            return null;
        }
    }
}
