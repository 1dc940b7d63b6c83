using Google.Apis.Auth;

namespace Pax.Orchestration.Hosting;

/// <summary>
/// Verifies Google-signed ID tokens with Google.Apis.Auth (<c>GoogleJsonWebSignature.ValidateAsync</c>): RS256
/// signature against Google's certificates, issuer <c>accounts.google.com</c>, expiry and audience. A token whose
/// signature Cloud Run replaced with <c>SIGNATURE_REMOVED_BY_GOOGLE</c> fails here: behind IAM-checked Cloud Run use
/// <see cref="InboundAuthenticationMode.CloudRunIam"/>. A token that cannot be read at all (not three parts, bad base64,
/// a payload that is not JSON, claims out of range) is invalid like any other (<see langword="null"/>, answered 401); only
/// a failure to fetch Google's certificates throws, so the caller answers 503 and is retried.
/// </summary>
public sealed class GoogleInboundTokenValidator : IInboundTokenValidator
{
    /// <inheritdoc />
    public async Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        try
        {
            var settings = new GoogleJsonWebSignature.ValidationSettings { Audience = [audience] };
            var payload = await GoogleJsonWebSignature.ValidateAsync(token, settings).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new InboundTokenClaims(payload.Email, payload.EmailVerified, [audience]);
        }
        catch (Exception ex) when (IsMalformedToken(ex))
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="exception"/> says the token is bad, as opposed to Google's certificates being unreachable.</summary>
    private static bool IsMalformedToken(Exception exception) =>
        exception is not (HttpRequestException or IOException or OperationCanceledException or TimeoutException);
}
