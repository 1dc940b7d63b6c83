using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2;

namespace Pax.GoogleCloud.Auth;

/// <summary>
/// ID tokens from Application Default Credentials (Google.Apis.Auth <c>GetOidcTokenAsync</c>): on Cloud Run the
/// metadata server's identity endpoint, elsewhere a service-account key or impersonated credential. gcloud user
/// credentials cannot mint ID tokens (Google.Apis.Auth throws <see cref="InvalidOperationException"/>). Tokens are
/// cached per audience and refreshed by Google.Apis.Auth; a failed load is not cached (the next call tries again).
/// Thread-safe.
/// </summary>
public sealed class ApplicationDefaultIdTokenProvider : IGoogleIdTokenProvider
{
    private readonly Func<CancellationToken, Task<GoogleCredential>> _loadCredential;
    private readonly ConcurrentDictionary<string, Lazy<Task<OidcToken>>> _tokens = new(StringComparer.Ordinal);

    /// <summary>Initializes a provider that loads Application Default Credentials on first use.</summary>
    public ApplicationDefaultIdTokenProvider()
        : this(GoogleCredential.GetApplicationDefaultAsync)
    {
    }

    internal ApplicationDefaultIdTokenProvider(Func<CancellationToken, Task<GoogleCredential>> loadCredential)
    {
        _loadCredential = loadCredential;
    }

    /// <inheritdoc />
    public async ValueTask<string> GetIdTokenAsync(string audience, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        var entry = _tokens.GetOrAdd(audience, a => new Lazy<Task<OidcToken>>(() => CreateTokenAsync(a)));
        OidcToken token;
        try
        {
            token = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            // Do not keep a failed load: the next call loads again.
            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<OidcToken>>>(audience, entry));
            throw;
        }

        return await token.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
    }

    // Not tied to one caller's token: other callers may be waiting on the same load.
    private async Task<OidcToken> CreateTokenAsync(string audience)
    {
        var credential = await _loadCredential(CancellationToken.None).ConfigureAwait(false);
        return await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), CancellationToken.None).ConfigureAwait(false);
    }
}
