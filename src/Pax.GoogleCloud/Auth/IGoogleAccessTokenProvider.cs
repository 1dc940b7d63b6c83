namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Supplies the OAuth 2.0 access token sent as <c>Authorization: Bearer</c> on Google API calls.
/// Registered by <c>AddPaxGoogleCloud</c> with <see cref="ApplicationDefaultAccessTokenProvider"/> unless a provider
/// is registered already, so hosts and tests can supply their own (for example <see cref="StaticAccessTokenProvider"/>).
/// </summary>
public interface IGoogleAccessTokenProvider
{
    /// <summary>Gets a current access token, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>The token, or <see langword="null"/> to send the request without an <c>Authorization</c> header.</returns>
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
