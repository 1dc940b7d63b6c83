using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2;

namespace Pax.GoogleCloud.Auth;

/// <summary>
/// ID tokens from Application Default Credentials (Google.Apis.Auth <c>GetOidcTokenAsync</c>): on Cloud Run the
/// metadata server's identity endpoint, elsewhere a service-account key or impersonated credential. gcloud user
/// credentials cannot mint ID tokens (Google.Apis.Auth throws <see cref="InvalidOperationException"/>). Tokens are
/// cached per audience and refreshed by Google.Apis.Auth. Thread-safe.
/// </summary>
public sealed class ApplicationDefaultIdTokenProvider : IGoogleIdTokenProvider
{
    private readonly Lazy<Task<GoogleCredential>> _credential;
    private readonly ConcurrentDictionary<string, Lazy<Task<OidcToken>>> _tokens = new(StringComparer.Ordinal);

    /// <summary>Initializes a provider that loads Application Default Credentials on first use.</summary>
    public ApplicationDefaultIdTokenProvider()
    {
        _credential = new Lazy<Task<GoogleCredential>>(() => GoogleCredential.GetApplicationDefaultAsync(CancellationToken.None));
    }

    /// <inheritdoc />
    public async ValueTask<string> GetIdTokenAsync(string audience, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        var token = await _tokens.GetOrAdd(audience, a => new Lazy<Task<OidcToken>>(() => CreateTokenAsync(a)))
            .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await token.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<OidcToken> CreateTokenAsync(string audience)
    {
        var credential = await _credential.Value.ConfigureAwait(false);
        return await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), CancellationToken.None).ConfigureAwait(false);
    }
}
