using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// POSTs the next-phase payload (<c>{"phase","runKey","idempotencyKey","completed"}</c>) to an endpoint with an OIDC ID
/// token (<c>Authorization: Bearer</c>, audience = the service URL by default) and an <c>Idempotency-Key</c> header.
/// For Cloud Run services and functions; Google APIs (<c>*.googleapis.com</c>) reject ID tokens, so those URLs are refused.
/// The caller's identity needs <c>roles/run.invoker</c> on the target service.
/// At least once: a re-drive after a POST that landed but was not marked (a timeout, or a process killed before the
/// mark) POSTs again with the same <c>Idempotency-Key</c>, which the endpoint deduplicates on.
/// </summary>
public sealed class HttpEndpointTrigger : IPhaseTrigger
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the trigger uses: <c>Pax.Orchestration.HttpTrigger</c>.</summary>
    public const string HttpClientName = "Pax.Orchestration.HttpTrigger";

    private readonly IHttpClientFactory _httpClients;
    private readonly IGoogleIdTokenProvider _idTokens;

    /// <summary>Initializes a trigger for <paramref name="url"/>.</summary>
    /// <param name="httpClients">The HTTP client factory.</param>
    /// <param name="idTokens">The ID token provider.</param>
    /// <param name="url">The absolute http(s) endpoint.</param>
    /// <param name="audience">The token audience, or <see langword="null"/> for the URL's origin.</param>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), or is a <c>*.googleapis.com</c> API.</exception>
    public HttpEndpointTrigger(IHttpClientFactory httpClients, IGoogleIdTokenProvider idTokens, Uri url, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(idTokens);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{url}' must be an absolute http or https URL.", nameof(url));
        }

        if (SchedulerTarget.IsGoogleApi(url))
        {
            throw new ArgumentException($"'{url}' is a Google API: it rejects OIDC ID tokens (401). Use a Job or Topic trigger, which send OAuth access tokens.", nameof(url));
        }

        _httpClients = httpClients;
        _idTokens = idTokens;
        Url = url;
        Audience = string.IsNullOrWhiteSpace(audience) ? url.GetLeftPart(UriPartial.Authority) : audience;
    }

    /// <summary>Gets the endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Gets the ID token's audience.</summary>
    public string Audience { get; }

    /// <inheritdoc />
    public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await _idTokens.GetIdTokenAsync(Audience, cancellationToken).ConfigureAwait(false);
        using var message = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = JsonContent.Create(TriggerPayload.From(request), OrchestrationJsonContext.Default.TriggerPayload),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The next-phase endpoint {Url} answered HTTP {(int)response.StatusCode}; 401/403 means the orchestrator's service account lacks roles/run.invoker there or the audience '{Audience}' is wrong.",
                null,
                response.StatusCode);
        }
    }
}
