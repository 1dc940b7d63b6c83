namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Returns the same access token for every request: for tests against loopback servers, and for hosts that obtain
/// a short-lived token elsewhere (such as <c>gcloud auth print-access-token</c>). It never refreshes the token.
/// </summary>
public sealed class StaticAccessTokenProvider : IGoogleAccessTokenProvider
{
    private readonly string _accessToken;
    private readonly string? _quotaProject;

    /// <summary>Initializes a provider that always returns <paramref name="accessToken"/>.</summary>
    /// <param name="accessToken">The bearer token; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is empty or white space.</exception>
    public StaticAccessTokenProvider(string accessToken)
        : this(accessToken, null)
    {
    }

    /// <summary>Initializes a provider that always returns <paramref name="accessToken"/> and bills <paramref name="quotaProject"/>.</summary>
    /// <param name="accessToken">The bearer token; not empty.</param>
    /// <param name="quotaProject">The project sent as <c>x-goog-user-project</c>, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is empty or white space, or <paramref name="quotaProject"/> is white space.</exception>
    public StaticAccessTokenProvider(string accessToken, string? quotaProject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (quotaProject is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(quotaProject);
        }

        _accessToken = accessToken;
        _quotaProject = quotaProject;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<string?>(_accessToken);
    }

    /// <inheritdoc />
    public ValueTask<string?> GetQuotaProjectAsync(CancellationToken cancellationToken) => new(_quotaProject);
}
