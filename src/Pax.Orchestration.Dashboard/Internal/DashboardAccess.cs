using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// Who may see the dashboard: the shared inbound token check (<see cref="PushAuthenticator"/>: with
/// <see cref="PushAuthenticationMode.CloudRunIam"/> Cloud Run verified the ID token and the app reads its claims; with
/// <see cref="PushAuthenticationMode.VerifySignature"/> the app verifies it) against <see cref="DashboardOptions.AllowedPrincipals"/>.
/// </summary>
internal sealed class DashboardAccess
{
    public const string Anonymous = "anonymous (Pax:Dashboard:Authentication=None)";
    private readonly PushAuthenticator _authenticator;
    private readonly IReadOnlyCollection<string> _emails;
    private readonly ILogger _logger;

    public DashboardAccess(IPushTokenValidator validator, UncheckedTokenAlarm alarm, IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardAccess> logger)
    {
        var o = options.Value;
        _authenticator = new PushAuthenticator(o.Authentication, o.Audience, validator, time, alarm);
        _emails = DashboardPrincipals.Emails(o.AllowedPrincipals);
        _logger = logger;
    }

    /// <summary>Returns the caller (email, or <see cref="Anonymous"/>), or <see langword="null"/> after answering 401.</summary>
    /// <exception cref="TokenCheckUnavailableException">Google's certificates could not be fetched: the caller answers 503.</exception>
    public async Task<string?> AuthenticateAsync(HttpContext context)
    {
        var (problem, email) = await _authenticator.IdentifyAsync(context.Request, _emails, context.RequestAborted).ConfigureAwait(false);
        if (problem is null)
        {
            return email ?? Anonymous;
        }

        DashboardLog.Unauthenticated(_logger, context.Request.Method, context.Request.Path, _authenticator.Mode.ToString(), problem);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "401 Unauthorized: the Pax dashboard needs a Google ID token of an allowed principal (Pax:Dashboard:AllowedPrincipals); on Cloud Run, open it through 'gcloud run services proxy'.\n",
            context.RequestAborted).ConfigureAwait(false);
        return null;
    }
}
