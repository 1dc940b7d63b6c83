namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Returns the same access token for every request: for tests against loopback servers, and for hosts that obtain
/// a short-lived token elsewhere (such as <c>gcloud auth print-access-token</c>). It never refreshes the token.
/// </summary>
public sealed class StaticAccessTokenProvider : IGoogleAccessTokenProvider
{
    private readonly string _accessToken;

    /// <summary>Initializes a provider that always returns <paramref name="accessToken"/>.</summary>
    /// <param name="accessToken">The bearer token; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is empty or white space.</exception>
    public StaticAccessTokenProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _accessToken = accessToken;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<string?>(_accessToken);
    }
}
