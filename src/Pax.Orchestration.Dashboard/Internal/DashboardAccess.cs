using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// Who may see the dashboard: Pax.Orchestration's inbound token check (<see cref="InboundAuthenticator"/>: with
/// <see cref="InboundAuthenticationMode.CloudRunIam"/> Cloud Run verified the ID token and the app reads its claims; with
/// <see cref="InboundAuthenticationMode.VerifySignature"/> the app verifies it) under <see cref="DashboardOptions.Authentication"/>.
/// </summary>
internal sealed class DashboardAccess
{
    public const string Anonymous = "anonymous (Pax:Dashboard:Authentication:Mode=None)";
    private readonly InboundAuthenticator _authenticator;
    private readonly InboundAuthenticationOptions _options;
    private readonly ILogger _logger;

    public DashboardAccess(InboundAuthenticator authenticator, IOptions<DashboardOptions> options, ILogger<DashboardAccess> logger)
    {
        _authenticator = authenticator;
        _options = options.Value.Authentication;
        _logger = logger;
    }

    /// <summary>Returns the caller (email, or <see cref="Anonymous"/>), or <see langword="null"/> after answering 401.</summary>
    /// <exception cref="InboundTokenCheckUnavailableException">The token could not be checked now: the caller answers 503.</exception>
    public async Task<string?> AuthenticateAsync(HttpContext context)
    {
        var result = await _authenticator.AuthenticateAsync(context.Request, _options, context.RequestAborted).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.Principal ?? Anonymous;
        }

        DashboardLog.Unauthenticated(_logger, context.Request.Method, context.Request.Path, _options.Mode.ToString(), result.Failure!);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "401 Unauthorized: the Pax dashboard needs a Google ID token of an allowed principal (Pax:Dashboard:Authentication:AllowedPrincipals); on Cloud Run, open it through 'gcloud run services proxy'.\n",
            context.RequestAborted).ConfigureAwait(false);
        return null;
    }
}
