using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pax.GoogleCloud.Auth;
using Pax.Orchestration.Triggers;

namespace Pax.Orchestration.Scheduling.Handlers;

/// <summary>
/// The built-in <c>http</c> job type: POSTs <c>payload.body</c> (any JSON; <c>{}</c> when absent) as
/// <c>application/json</c> to <c>payload.url</c>; a 2xx answer is success. With <c>payload.audience</c> it sends an
/// OIDC ID token for that audience (for Cloud Run services and functions, whose invoker needs <c>roles/run.invoker</c>);
/// a <c>*.googleapis.com</c> URL with an audience is refused, since Google APIs answer ID tokens with 401. Every request
/// carries an <c>Idempotency-Key</c> header (<see cref="ScheduledJobContext.IdempotencyKey"/>).
/// </summary>
public sealed class HttpJobHandler : IScheduledJobHandler
{
    /// <summary>The job type: <c>http</c>.</summary>
    public const string JobType = "http";

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the handler uses: <c>Pax.Scheduling.Http</c>.</summary>
    public const string HttpClientName = "Pax.Scheduling.Http";

    private readonly IHttpClientFactory _httpClients;
    private readonly IGoogleIdTokenProvider _idTokens;

    /// <summary>Initializes the handler.</summary>
    /// <param name="httpClients">The HTTP client factory.</param>
    /// <param name="idTokens">The ID token provider.</param>
    public HttpJobHandler(IHttpClientFactory httpClients, IGoogleIdTokenProvider idTokens)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(idTokens);
        _httpClients = httpClients;
        _idTokens = idTokens;
    }

    /// <inheritdoc />
    public string? ValidatePayload(JsonElement payload)
    {
        if (!payload.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "'url' must be an absolute http or https URL";
        }

        if (payload.TryGetProperty("audience", out var audience))
        {
            if (audience.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(audience.GetString()))
            {
                return "'audience' must be a non-empty string (the receiving service's URL)";
            }

            if (HttpEndpointTrigger.IsGoogleApi(uri))
            {
                return $"'{uri.Host}' is a Google API: it rejects OIDC ID tokens (401); call it with an OAuth access token instead (or through a pubsub job)";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ValidatePayload(context.Payload) is { } problem)
        {
            throw new InvalidOperationException($"Job '{context.Job.Id}': {problem}.");
        }

        var payload = context.Payload;
        var url = new Uri(payload.GetProperty("url").GetString()!);
        var body = payload.TryGetProperty("body", out var b) ? b.GetRawText() : "{}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey);
        if (payload.TryGetProperty("audience", out var audience))
        {
            var token = await _idTokens.GetIdTokenAsync(audience.GetString()!, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
                ? " (401/403: does the caller's service account have roles/run.invoker there, and is the audience right?)"
                : string.Empty;
            throw new HttpRequestException($"POST {url} answered HTTP {(int)response.StatusCode}{hint}.", null, response.StatusCode);
        }
    }
}
