using Google.Apis.Auth.OAuth2;

namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Access tokens from Application Default Credentials (Google.Apis.Auth): <c>GOOGLE_APPLICATION_CREDENTIALS</c>,
/// then the gcloud user ADC file, then the metadata server (the service account a Cloud Run job or service runs as).
/// The credential is created on first use, once, and scoped to <see cref="CloudPlatformScope"/>; Google.Apis.Auth
/// caches the token and refreshes it before it expires. A failed load is not cached: the next call tries again.
/// Thread-safe.
/// </summary>
public sealed class ApplicationDefaultAccessTokenProvider : IGoogleAccessTokenProvider
{
    /// <summary>The OAuth scope requested for credentials that need one: <c>https://www.googleapis.com/auth/cloud-platform</c>.</summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly Func<CancellationToken, Task<GoogleCredential>> _loadCredential;
    private Lazy<Task<ITokenAccess>>? _credential;

    /// <summary>Initializes a provider that loads Application Default Credentials on first use.</summary>
    public ApplicationDefaultAccessTokenProvider()
        : this(GoogleCredential.GetApplicationDefaultAsync)
    {
    }

    internal ApplicationDefaultAccessTokenProvider(Func<CancellationToken, Task<GoogleCredential>> loadCredential)
    {
        _loadCredential = loadCredential;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No Application Default Credentials are available (Google.Apis.Auth's message says where it looked).</exception>
    public async ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var credential = await GetCredentialAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task<ITokenAccess> GetCredentialAsync()
    {
        while (true)
        {
            var current = Volatile.Read(ref _credential);
            if (current is not null && !HasFailed(current))
            {
                return current.Value;
            }

            // One loader wins the exchange; the losers use the winner's task, so ADC is resolved once.
            var fresh = new Lazy<Task<ITokenAccess>>(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);
            if (Interlocked.CompareExchange(ref _credential, fresh, current) == current)
            {
                return fresh.Value;
            }
        }
    }

    private static bool HasFailed(Lazy<Task<ITokenAccess>> credential) =>
        credential.IsValueCreated && credential.Value.IsCompleted && !credential.Value.IsCompletedSuccessfully;

    // Not tied to one caller's token: other callers may be waiting on the same load.
    private async Task<ITokenAccess> LoadAsync()
    {
        var credential = await _loadCredential(CancellationToken.None).ConfigureAwait(false);
        return credential.IsCreateScopedRequired ? credential.CreateScoped(CloudPlatformScope) : credential;
    }
}
