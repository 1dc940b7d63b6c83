namespace Pax.GoogleCloud.Auth;

/// <summary>
/// Supplies OIDC ID tokens for calling Cloud Run services and other endpoints that check an audience
/// (<c>*.run.app</c>, <c>*.cloudfunctions.net</c>). Google APIs (<c>*.googleapis.com</c>) take access tokens instead
/// (<see cref="IGoogleAccessTokenProvider"/>).
/// </summary>
public interface IGoogleIdTokenProvider
{
    /// <summary>Gets an ID token for <paramref name="audience"/>, refreshing it when needed.</summary>
    /// <param name="audience">The audience, usually the service's URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The JWT.</returns>
    ValueTask<string> GetIdTokenAsync(string audience, CancellationToken cancellationToken);
}
