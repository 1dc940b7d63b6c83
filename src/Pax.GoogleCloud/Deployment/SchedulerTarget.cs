using System.Collections.ObjectModel;
using System.Net.Http.Headers;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Scheduler.Internal;

namespace Pax.GoogleCloud.Deployment;

/// <summary>
/// The HTTP target of a Cloud Scheduler job, with the token chosen by the target rather than by the caller:
/// <see cref="CloudRunJob"/> calls the Cloud Run Admin API (a Google API on <c>*.googleapis.com</c>) with an OAuth access
/// token, <see cref="Service"/> calls a Cloud Run service (or another endpoint of yours) with an OIDC ID token. These
/// factories are the only way to build a target, so no Pax API pairs an OIDC token with a Google API (answered with 401,
/// PAX001) or an OAuth token with a Cloud Run URL (rejected at its ingress, PAX003). Instances are immutable; the
/// <c>With…</c> methods of service targets return changed copies and cannot change the URL or the token.
/// </summary>
public sealed class SchedulerTarget
{
    /// <summary>The OAuth scope of <see cref="CloudRunJob"/> targets: <c>https://www.googleapis.com/auth/cloud-platform</c>.</summary>
    public const string CloudPlatformScope = ApplicationDefaultAccessTokenProvider.CloudPlatformScope;

    private const int MaxHeadersLength = 80 * 1024;
    private static readonly HttpMethod[] Methods =
        [HttpMethod.Post, HttpMethod.Get, HttpMethod.Head, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options];

    private static readonly HttpMethod[] BodyMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch];

    private SchedulerTarget(
        Uri uri,
        SchedulerTokenKind tokenKind,
        string serviceAccountEmail,
        string? oauthScope,
        string? oidcAudience,
        HttpMethod httpMethod,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlyMemory<byte> body)
    {
        Uri = uri;
        TokenKind = tokenKind;
        ServiceAccountEmail = serviceAccountEmail;
        OAuthScope = oauthScope;
        OidcAudience = oidcAudience;
        HttpMethod = httpMethod;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the URL Cloud Scheduler calls.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the HTTP method.</summary>
    /// <value>POST unless <see cref="WithHttpMethod"/> chose another for a service target.</value>
    public HttpMethod HttpMethod { get; }

    /// <summary>Gets the kind of token Cloud Scheduler sends, which follows from the target.</summary>
    public SchedulerTokenKind TokenKind { get; }

    /// <summary>Gets the service account whose token Cloud Scheduler sends (it must be in the Scheduler job's project).</summary>
    public string ServiceAccountEmail { get; }

    /// <summary>Gets the OAuth scope for <see cref="SchedulerTokenKind.OAuth"/> targets, or <see langword="null"/>.</summary>
    public string? OAuthScope { get; }

    /// <summary>Gets the ID token's audience for <see cref="SchedulerTokenKind.Oidc"/> targets, or <see langword="null"/>.</summary>
    public string? OidcAudience { get; }

    /// <summary>Gets the headers sent with the request (header names compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the request body (empty for none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// A target that starts an execution of a Cloud Run job: <c>POST https://run.googleapis.com/v2/projects/{project}/locations/{region}/jobs/{job}:run</c>
    /// with an OAuth access token of <paramref name="serviceAccount"/> (scope <see cref="CloudPlatformScope"/>). The account needs
    /// <c>roles/run.invoker</c> on the job (<c>run.jobs.run</c>).
    /// </summary>
    /// <param name="project">The job's project id or number.</param>
    /// <param name="region">The job's region, such as <c>us-east1</c>.</param>
    /// <param name="job">The job's name.</param>
    /// <param name="serviceAccount">The email of the service account Cloud Scheduler calls as.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">An argument is not a valid id or service account email.</exception>
    public static SchedulerTarget CloudRunJob(string project, string region, string job, string serviceAccount)
    {
        if (!GoogleResourceNames.IsProject(project))
        {
            throw new ArgumentException($"'{project}' is not {GoogleResourceNames.ProjectRule}.", nameof(project));
        }

        if (!GoogleResourceNames.IsLocation(region))
        {
            throw new ArgumentException($"'{region}' is not {GoogleResourceNames.LocationRule}.", nameof(region));
        }

        if (!GoogleResourceNames.IsCloudRunId(job))
        {
            throw new ArgumentException($"'{job}' is not a Cloud Run job name: {GoogleResourceNames.CloudRunIdRule}.", nameof(job));
        }

        var uri = new Uri($"https://run.googleapis.com/v2/projects/{project}/locations/{region}/jobs/{job}:run");
        return new SchedulerTarget(
            uri, SchedulerTokenKind.OAuth, SchedulerTargetRules.CheckServiceAccount(serviceAccount), CloudPlatformScope, null, HttpMethod.Post, NoHeaders(), ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// A target that calls <paramref name="url"/> on a Cloud Run service or another endpoint with an OIDC ID token of
    /// <paramref name="serviceAccount"/>. The account needs <c>roles/run.invoker</c> on a private Cloud Run service.
    /// </summary>
    /// <param name="url">The absolute https URL, such as <c>https://svc-abc123-ue.a.run.app/cron/tick</c>; not a Google API.</param>
    /// <param name="serviceAccount">The email of the service account Cloud Scheduler calls as.</param>
    /// <param name="audience">
    /// The token's audience, or <see langword="null"/> for the URL's origin (<c>https://svc-abc123-ue.a.run.app</c>): the
    /// service URL, which Cloud Run's IAM check accepts and Pax's token checks expect. Pax always sends it, so Cloud
    /// Scheduler's own default (the full URL, path included) never applies.
    /// </param>
    /// <returns>The target, sending <c>POST</c> without a body (see <see cref="WithHttpMethod"/>, <see cref="WithBody"/>, <see cref="WithHeader"/>).</returns>
    /// <exception cref="ArgumentException">
    /// The URL is not absolute https, or is a Google API (<c>*.googleapis.com</c>, which needs an OAuth token: use
    /// <see cref="CloudRunJob"/>); the service account or audience is not valid.
    /// </exception>
    public static SchedulerTarget Service(Uri url, string serviceAccount, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        SchedulerTargetRules.CheckServiceUrl(url);
        if (audience is not null && (string.IsNullOrWhiteSpace(audience) || audience.Any(char.IsControl)))
        {
            throw new ArgumentException("The audience must be non-blank text without control characters, or null for the service URL.", nameof(audience));
        }

        var account = SchedulerTargetRules.CheckServiceAccount(serviceAccount);
        return new SchedulerTarget(
            url, SchedulerTokenKind.Oidc, account, null, audience ?? url.GetLeftPart(UriPartial.Authority), HttpMethod.Post, NoHeaders(), ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>Returns a copy of this service target that sends <paramref name="method"/>.</summary>
    /// <param name="method">POST, GET, HEAD, PUT, DELETE, PATCH or OPTIONS.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Cloud Scheduler does not send that method, or the target has a body and the method takes none.</exception>
    /// <exception cref="InvalidOperationException">This is a <see cref="CloudRunJob"/> target, which always POSTs.</exception>
    public SchedulerTarget WithHttpMethod(HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        EnsureServiceTarget(nameof(WithHttpMethod));
        if (!Methods.Contains(method))
        {
            throw new ArgumentException($"Cloud Scheduler sends {string.Join(", ", Methods.Select(m => m.Method))}; not {method.Method}.", nameof(method));
        }

        if (!Body.IsEmpty && !BodyMethods.Contains(method))
        {
            throw new ArgumentException($"The target has a body, which Cloud Scheduler sends only with POST, PUT or PATCH; not {method.Method}.", nameof(method));
        }

        return new SchedulerTarget(Uri, TokenKind, ServiceAccountEmail, OAuthScope, OidcAudience, method, Headers, Body);
    }

    /// <summary>Returns a copy of this service target that sends a header (replacing one of the same name).</summary>
    /// <param name="name">The header name; not one Cloud Scheduler sets itself (Host, Content-Length, User-Agent, Authorization, X-Google-*, X-AppEngine-*, X-CloudScheduler*).</param>
    /// <param name="value">The value, without line breaks.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The name is reserved or not a header name, the value holds a line break, or the headers exceed 80 KB.</exception>
    /// <exception cref="InvalidOperationException">This is a <see cref="CloudRunJob"/> target.</exception>
    public SchedulerTarget WithHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureServiceTarget(nameof(WithHeader));
        SchedulerTargetRules.CheckHeader(name, value);
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value };
        if (headers.Sum(h => h.Key.Length + h.Value.Length) >= MaxHeadersLength)
        {
            throw new ArgumentException("Cloud Scheduler takes less than 80 KB of headers in all.", nameof(value));
        }

        return new SchedulerTarget(Uri, TokenKind, ServiceAccountEmail, OAuthScope, OidcAudience, HttpMethod, new ReadOnlyDictionary<string, string>(headers), Body);
    }

    /// <summary>Returns a copy of this service target that sends <paramref name="body"/> with a <c>Content-Type</c> header.</summary>
    /// <param name="body">The body (base64-encoded in the job resource).</param>
    /// <param name="contentType">Its MIME type, such as <c>application/json</c> (Cloud Scheduler's default would be <c>application/octet-stream</c>).</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The body is empty or the content type is not a MIME type.</exception>
    /// <exception cref="InvalidOperationException">This is a <see cref="CloudRunJob"/> target, or the method is not POST, PUT or PATCH.</exception>
    public SchedulerTarget WithBody(ReadOnlyMemory<byte> body, string contentType)
    {
        EnsureServiceTarget(nameof(WithBody));
        if (!BodyMethods.Contains(HttpMethod))
        {
            throw new InvalidOperationException($"Cloud Scheduler sends a body only with POST, PUT or PATCH; this target sends {HttpMethod.Method}.");
        }

        if (body.IsEmpty)
        {
            throw new ArgumentException("The body is empty; leave it out instead.", nameof(body));
        }

        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a MIME type such as application/json.", nameof(contentType));
        }

        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType };
        return new SchedulerTarget(
            Uri, TokenKind, ServiceAccountEmail, OAuthScope, OidcAudience, HttpMethod, new ReadOnlyDictionary<string, string>(headers), body.ToArray());
    }

    /// <summary>
    /// Returns whether <paramref name="url"/> is a Google API host (<c>googleapis.com</c> or below), which takes OAuth
    /// access tokens only. The one check Pax uses (Scheduler targets, HTTP triggers, HTTP jobs): case-insensitive, the
    /// IDN form of the host, a trailing dot ignored (<c>run.googleapis.com.</c> is the same host), and only whole labels
    /// (<c>googleapis.com.evil.com</c> and <c>evilgoogleapis.com</c> are not Google).
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <returns><see langword="true"/> for <c>*.googleapis.com</c>.</returns>
    public static bool IsGoogleApi(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IsAbsoluteUri ? url.IdnHost.TrimEnd('.') : string.Empty;
        return host.Equals("googleapis.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".googleapis.com", StringComparison.OrdinalIgnoreCase);
    }

    private void EnsureServiceTarget(string method)
    {
        if (TokenKind == SchedulerTokenKind.OAuth)
        {
            throw new InvalidOperationException($"{method} applies to service targets; a Cloud Run job target always POSTs to {Uri} without headers or body.");
        }
    }

    private static ReadOnlyDictionary<string, string> NoHeaders() =>
        new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
}
