using System.Net.Http.Headers;
using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// Sets <c>Authorization: Bearer</c> on every attempt from <see cref="IGoogleAccessTokenProvider"/> (it sits inside
/// the retry handler, so a retried request gets a fresh token). Requests marked
/// <see cref="GoogleRequestOptionKeys.Anonymous"/>, and tokens that are <see langword="null"/>, go without the header
/// (or with <see cref="GoogleRequestOptionKeys.EmulatorBearerToken"/> when an anonymous request carries one).
/// </summary>
internal sealed class GoogleAuthorizationHandler : DelegatingHandler
{
    private readonly IGoogleAccessTokenProvider _tokens;

    public GoogleAuthorizationHandler(IGoogleAccessTokenProvider tokens)
    {
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        if (GoogleRequestOptionKeys.IsAnonymous(request))
        {
            if (request.Options.TryGetValue(GoogleRequestOptionKeys.EmulatorBearerToken, out var emulatorToken) && !string.IsNullOrEmpty(emulatorToken))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulatorToken);
            }
        }
        else
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
