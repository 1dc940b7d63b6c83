namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Supplies the OAuth 2.0 access token sent as <c>Authorization: Bearer</c> on Google API calls, and the quota project
/// sent as <c>x-goog-user-project</c>. Registered by <c>AddPaxGoogleCloud</c> with
/// <see cref="ApplicationDefaultAccessTokenProvider"/> unless a provider is registered already, so hosts and tests can
/// supply their own (for example <see cref="StaticAccessTokenProvider"/>).
/// </summary>
public interface IGoogleAccessTokenProvider
{
    /// <summary>Gets a current access token, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>The token, or <see langword="null"/> to send the request without an <c>Authorization</c> header.</returns>
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gets a new access token after a Google API answered 401 to <paramref name="rejectedToken"/> (revoked, or expired
    /// before the cached copy said so). Pax's clients call it once per request and, when it returns a different token,
    /// send the request again with it, as Google's own clients do. The default implementation returns
    /// <see cref="GetAccessTokenAsync"/> (so a provider that cannot refresh leaves the 401 as it is).
    /// </summary>
    /// <param name="rejectedToken">The token the API refused.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>The token to retry with, or <see langword="null"/> to give up (the 401 stands).</returns>
    ValueTask<string?> RefreshAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken) => GetAccessTokenAsync(cancellationToken);

    /// <summary>
    /// Gets the project billed for quota, sent as <c>x-goog-user-project</c> on every authenticated request, like
    /// Google's clients do for credentials that carry one (gcloud user ADC written by
    /// <c>gcloud auth application-default set-quota-project</c>: <c>quota_project_id</c>). The default implementation
    /// returns <see langword="null"/>: no header.
    /// </summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The quota project id, or <see langword="null"/>.</returns>
    ValueTask<string?> GetQuotaProjectAsync(CancellationToken cancellationToken) => new((string?)null);
}
