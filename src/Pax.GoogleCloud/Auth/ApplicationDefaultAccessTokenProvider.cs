using System.Net;
using System.Net.Http.Headers;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Access tokens from Application Default Credentials (Google.Apis.Auth): <c>GOOGLE_APPLICATION_CREDENTIALS</c>,
/// then the gcloud user ADC file, then the metadata server (the service account a Cloud Run job or service runs as).
/// The credential is created on first use, once, and scoped to <see cref="CloudPlatformScope"/>; Google.Apis.Auth
/// caches the token and refreshes it before it expires. A failed load is not cached: the next call tries again.
/// The credential's quota project (<c>quota_project_id</c> of gcloud user ADC, or <c>GOOGLE_CLOUD_QUOTA_PROJECT</c>
/// where Google.Apis.Auth applies it) is reported for <c>x-goog-user-project</c>; a token an API refused with 401 is
/// refreshed the way Google.Apis does it (the credential's own unsuccessful-response handler). Thread-safe.
/// </summary>
public sealed class ApplicationDefaultAccessTokenProvider : IGoogleAccessTokenProvider
{
    /// <summary>The OAuth scope requested for credentials that need one: <c>https://www.googleapis.com/auth/cloud-platform</c>.</summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly Func<CancellationToken, Task<GoogleCredential>> _loadCredential;
    private Lazy<Task<GoogleCredential>>? _credential;

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
        ITokenAccess credential = await GetCredentialAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Hands the 401 to the credential's <see cref="IHttpUnsuccessfulResponseHandler"/> (service account, metadata
    /// server and user credentials implement it): when the cached token is the refused one, it fetches a new one.
    /// </remarks>
    public async ValueTask<string?> RefreshAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        var credential = await GetCredentialAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (credential.UnderlyingCredential is IHttpUnsuccessfulResponseHandler handler)
        {
            using var request = new HttpRequestMessage();
            if (!string.IsNullOrEmpty(rejectedToken))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rejectedToken);
            }

            using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
            await handler.HandleResponseAsync(new HandleUnsuccessfulResponseArgs
            {
                Request = request,
                Response = response,
                TotalTries = 2,
                CurrentFailedTry = 1,
                CancellationToken = cancellationToken,
            }).ConfigureAwait(false);
        }

        return await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetQuotaProjectAsync(CancellationToken cancellationToken)
    {
        var credential = await GetCredentialAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(credential.QuotaProject) ? null : credential.QuotaProject;
    }

    private Task<GoogleCredential> GetCredentialAsync()
    {
        while (true)
        {
            var current = Volatile.Read(ref _credential);
            if (current is not null && !HasFailed(current))
            {
                return current.Value;
            }

            // One loader wins the exchange; the losers use the winner's task, so ADC is resolved once.
            var fresh = new Lazy<Task<GoogleCredential>>(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);
            if (Interlocked.CompareExchange(ref _credential, fresh, current) == current)
            {
                return fresh.Value;
            }
        }
    }

    private static bool HasFailed(Lazy<Task<GoogleCredential>> credential) =>
        credential.IsValueCreated && credential.Value.IsCompleted && !credential.Value.IsCompletedSuccessfully;

    // Not tied to one caller's token: other callers may be waiting on the same load.
    private async Task<GoogleCredential> LoadAsync()
    {
        var credential = await _loadCredential(CancellationToken.None).ConfigureAwait(false);
        return credential.IsCreateScopedRequired ? credential.CreateScoped(CloudPlatformScope) : credential;
    }
}
