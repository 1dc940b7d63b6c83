using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Scheduling.Handlers.Internal;

namespace Pax.Orchestration.Scheduling.Handlers;

/// <summary>
/// The built-in <c>http</c> job type: POSTs <c>payload.body</c> (any JSON; <c>{}</c> when absent) as
/// <c>application/json</c> to <c>payload.url</c>; a 2xx answer is success. Every request carries an
/// <c>Idempotency-Key</c> header (<see cref="ScheduledJobContext.IdempotencyKey"/>).
/// </summary>
/// <remarks>
/// <para>Whoever may create jobs decides where this service sends requests, so destinations are guarded:</para>
/// <list type="bullet">
/// <item><description>Link-local and metadata destinations are always refused: 169.254.0.0/16, fe80::/10, those
/// addresses in IPv6 form (<c>::ffff:169.254.169.254</c>), GCE's <c>fd20:ce::254</c>, the names
/// <c>metadata.google.internal</c> and <c>metadata</c> (any case, with or without a trailing dot), and every decimal,
/// hex or octal spelling of such an IPv4 address. The check runs on the URL when the job is created and before each
/// request, and again when connecting: the client resolves the host itself and refuses any resolved link-local or
/// metadata address, so a DNS name that points there is refused too. The client uses no proxy. Loopback is allowed.</description></item>
/// <item><description>With <see cref="HttpJobOptions.AllowedUrls"/> (<c>Pax:Scheduling:HttpJobs:AllowedUrls</c>) set, only
/// URLs under one of its prefixes (scheme, host, port, path prefix; compared after parsing) are accepted, at creation
/// (HTTP 400 with the reason) and before each request.</description></item>
/// <item><description>Redirects are not followed automatically. A 3xx to the same origin (scheme, host, port) is followed, at
/// most <see cref="MaxRedirects"/> times (307/308 repeat the POST with its body; 301/302/303 continue with a GET, as
/// browsers and <see cref="HttpClient"/> do); a redirect to another origin is a failure and is not followed, so the ID
/// token never leaves the job's origin.</description></item>
/// <item><description>With <c>payload.audience</c> the request carries an OIDC ID token for it (for Cloud Run services and
/// functions, whose caller needs <c>roles/run.invoker</c>). The audience must name the URL's own origin (a Cloud Run
/// service's default audience is its URL) or be listed in <see cref="HttpJobOptions.AllowedAudiences"/>; otherwise the
/// job is refused at creation. A <c>*.googleapis.com</c> URL with an audience is refused, since Google APIs answer ID
/// tokens with 401.</description></item>
/// <item><description>Errors are coarse, so job creation cannot serve as a port scanner: a refused, reset, unresolvable,
/// timed-out or TLS-failed connection all read <c>POST {origin}{path} did not complete (connection failed).</c>, with
/// no inner message; an HTTP answer keeps its status code. The full exception is the failure's inner exception and
/// goes to the server log (event 4104/4105).</description></item>
/// </list>
/// <para>These guarantees depend on the named client <see cref="HttpClientName"/> as <c>AddPaxScheduling</c> registers it;
/// do not replace its primary handler.</para>
/// </remarks>
public sealed class HttpJobHandler : IScheduledJobHandler
{
    /// <summary>The job type: <c>http</c>.</summary>
    public const string JobType = "http";

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the handler uses: <c>Pax.Scheduling.Http</c>.</summary>
    public const string HttpClientName = "Pax.Scheduling.Http";

    /// <summary>The most same-origin redirects one run follows: 3.</summary>
    public const int MaxRedirects = 3;

    private readonly IHttpClientFactory _httpClients;
    private readonly IGoogleIdTokenProvider _idTokens;
    private readonly HttpJobOptions _options;

    /// <summary>Initializes the handler.</summary>
    /// <param name="httpClients">The HTTP client factory.</param>
    /// <param name="idTokens">The ID token provider.</param>
    /// <param name="options">The scheduler's options; <see cref="SchedulingOptions.HttpJobs"/> is used.</param>
    public HttpJobHandler(IHttpClientFactory httpClients, IGoogleIdTokenProvider idTokens, IOptions<SchedulingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(idTokens);
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _idTokens = idTokens;
        _options = options.Value.HttpJobs;
    }

    /// <inheritdoc />
    public string? ValidatePayload(JsonElement payload)
    {
        if (!payload.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "'url' must be an absolute http or https URL";
        }

        if (CheckDestination(uri) is { } problem)
        {
            return problem;
        }

        if (payload.TryGetProperty("audience", out var audience))
        {
            if (audience.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(audience.GetString()))
            {
                return "'audience' must be a non-empty string (the receiving service's URL)";
            }

            if (SchedulerTarget.IsGoogleApi(uri))
            {
                return $"'{uri.Host}' is a Google API: it rejects OIDC ID tokens (401); call it with an OAuth access token instead (or through a pubsub job)";
            }

            if (HttpJobDestinations.AudienceProblem(uri, audience.GetString()!, _options) is { } audienceProblem)
            {
                return audienceProblem;
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
        var origin = new Uri(payload.GetProperty("url").GetString()!);
        var body = payload.TryGetProperty("body", out var b) ? b.GetRawText() : "{}";
        var token = payload.TryGetProperty("audience", out var audience)
            ? await _idTokens.GetIdTokenAsync(audience.GetString()!, cancellationToken).ConfigureAwait(false)
            : null;
        var client = _httpClients.CreateClient(HttpClientName);
        var target = origin;
        var method = HttpMethod.Post;
        for (var redirects = 0; ; redirects++)
        {
            using var request = CreateRequest(method, target, body, context.IdempotencyKey, token);
            using var response = await SendAsync(client, request, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode))
            {
                EnsureSuccess(response, method, target);
                return;
            }

            target = NextHop(response, method, origin, target, redirects);
            method = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect ? method : HttpMethod.Get;
        }
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri target, string body, string idempotencyKey, string? token)
    {
        var request = new HttpRequestMessage(method, target);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (token is not null)
        {
            // Only ever sent to the job URL's origin: redirects elsewhere are not followed.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private string? CheckDestination(Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            return "'url' must not carry user info (user:password@)";
        }

        if (HttpJobDestinations.IsForbiddenHost(uri))
        {
            return $"'url' points at a link-local or metadata address ('{uri.Host}'); such destinations are always refused";
        }

        return HttpJobDestinations.IsAllowed(uri, _options.AllowedUrls)
            ? null
            : $"'url' is not under any of {HttpJobDestinations.AllowedUrlsKey} ({_options.AllowedUrls.Count} prefix(es) configured)";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            // Only the status is read: the body is never buffered, so a destination cannot make the service hold it in memory.
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            // One text for refused, reset, unresolvable, timed out and TLS failures, so the error says nothing about the
            // network behind the URL; the exception itself stays inner, for the server log.
            var what = $"{request.Method} {HttpJobDestinations.Describe(request.RequestUri!)}";
            throw FindForbidden(ex) is not null
                ? new HttpRequestException($"{what} was refused: the host resolves to a link-local or metadata address.", ex)
                : new HttpRequestException($"{what} did not complete (connection failed).", ex);
        }
    }

    private Uri NextHop(HttpResponseMessage response, HttpMethod method, Uri origin, Uri current, int redirects)
    {
        var what = $"{method} {HttpJobDestinations.Describe(current)} answered HTTP {(int)response.StatusCode}";
        if (response.Headers.Location is not { } location)
        {
            throw new HttpRequestException($"{what} without a Location header.", null, response.StatusCode);
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (!HttpJobDestinations.SameOrigin(next, origin))
        {
            throw new HttpRequestException($"{what}, a redirect to another origin; not followed.", null, response.StatusCode);
        }

        if (redirects >= MaxRedirects)
        {
            throw new HttpRequestException($"{what}, more than {MaxRedirects} redirects; not followed further.", null, response.StatusCode);
        }

        if (CheckDestination(next) is { } problem)
        {
            throw new HttpRequestException($"{what}, a redirect that is refused: {problem}.", null, response.StatusCode);
        }

        return next;
    }

    private static void EnsureSuccess(HttpResponseMessage response, HttpMethod method, Uri target)
    {
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? " (401/403: does the caller's service account have roles/run.invoker there, and is the audience right?)"
                : string.Empty;
            throw new HttpRequestException($"{method} {HttpJobDestinations.Describe(target)} answered HTTP {(int)response.StatusCode}{hint}.", null, response.StatusCode);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or IOException or SocketException or AuthenticationException or OperationCanceledException;

    private static ForbiddenDestinationException? FindForbidden(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is ForbiddenDestinationException forbidden)
            {
                return forbidden;
            }
        }

        return null;
    }
}
