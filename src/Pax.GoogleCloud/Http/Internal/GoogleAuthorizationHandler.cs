using System.Net;
using System.Net.Http.Headers;
using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// Sets <c>Authorization: Bearer</c> on every attempt from <see cref="IGoogleAccessTokenProvider"/> (it sits inside
/// the retry handler, so a retried request gets a fresh token) and <c>x-goog-user-project</c> when the credential has a
/// quota project. A 401 answer refreshes the token once (<see cref="IGoogleAccessTokenProvider.RefreshAccessTokenAsync"/>)
/// and resends the request with it when it differs from the refused one, as Google.Apis' credentials do; a second 401
/// is returned as is. Requests marked
/// <see cref="GoogleRequestOptionKeys.Anonymous"/>, and tokens that are <see langword="null"/>, go without the header
/// (or with <see cref="GoogleRequestOptionKeys.EmulatorBearerToken"/> when an anonymous request carries one).
/// </summary>
internal sealed class GoogleAuthorizationHandler : DelegatingHandler
{
    private const string QuotaProjectHeader = "x-goog-user-project";
    private readonly IGoogleAccessTokenProvider _tokens;

    public GoogleAuthorizationHandler(IGoogleAccessTokenProvider tokens)
    {
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove(QuotaProjectHeader);
        if (GoogleRequestOptionKeys.IsAnonymous(request))
        {
            if (request.Options.TryGetValue(GoogleRequestOptionKeys.EmulatorBearerToken, out var emulatorToken) && !string.IsNullOrEmpty(emulatorToken))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulatorToken);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (await _tokens.GetQuotaProjectAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } quotaProject)
        {
            request.Headers.TryAddWithoutValidation(QuotaProjectHeader, quotaProject);
        }

        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || string.IsNullOrEmpty(token))
        {
            return response;
        }

        var refreshed = await _tokens.RefreshAccessTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(refreshed) || string.Equals(refreshed, token, StringComparison.Ordinal))
        {
            // Nothing new to try (a static token, or the credential could not get another): the 401 stands.
            return response;
        }

        response.Dispose();
        SetToken(request, refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void SetToken(HttpRequestMessage request, string? token) =>
        request.Headers.Authorization = string.IsNullOrEmpty(token) ? null : new AuthenticationHeaderValue("Bearer", token);
}
