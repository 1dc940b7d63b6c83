using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// <c>GET /tallies/{phase}/{runKey}</c> and <c>POST /watchdog</c>, authenticated like the intake
/// (<see cref="OrchestrationOptions.Authentication"/>'s mode and audience) for
/// <see cref="OrchestrationOptions.OperatorAccounts"/>, else the push accounts. 401 when not authenticated, 503 when
/// the store (or Google's certificates) cannot be reached.
/// </summary>
internal sealed class OperatorEndpoints
{
    private readonly CompletionTally _tally;
    private readonly CompletionWatchdog _watchdog;
    private readonly InboundAuthenticator _authenticator;
    private readonly InboundAuthenticationOptions _authentication;
    private readonly IReadOnlySet<string> _accounts;
    private readonly ILogger _logger;

    public OperatorEndpoints(CompletionTally tally, CompletionWatchdog watchdog, InboundAuthenticator authenticator, IOptions<OrchestrationOptions> options, ILogger<OperatorEndpoints> logger)
    {
        var o = options.Value;
        _tally = tally;
        _watchdog = watchdog;
        _authenticator = authenticator;
        _authentication = o.Authentication;
        _accounts = InboundPrincipals.Emails(o.OperatorAccounts.Count > 0 ? o.OperatorAccounts : o.Authentication.AllowedPrincipals);
        _logger = logger;
    }

    public Task TallyAsync(HttpContext context, string phase, string runKey) => GuardedAsync(context, "GET /tallies", async cancellationToken =>
    {
        var status = await _tally.GetStatusAsync(phase, runKey, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await WriteJsonAsync(context, status, OrchestrationJsonContext.Default.TallyProgress, cancellationToken).ConfigureAwait(false);
    });

    public Task WatchdogAsync(HttpContext context) => GuardedAsync(context, "POST /watchdog", async cancellationToken =>
    {
        var report = await _watchdog.RunAsync(cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(context, report, OrchestrationJsonContext.Default.WatchdogReport, cancellationToken).ConfigureAwait(false);
    });

    private async Task GuardedAsync(HttpContext context, string endpoint, Func<CancellationToken, Task> handle)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            if ((await _authenticator.CheckAsync(context.Request, _authentication, _accounts, cancellationToken).ConfigureAwait(false)).Failure is { } reason)
            {
                OrchestrationLog.OperatorUnauthenticated(_logger, endpoint, _authentication.Mode.ToString(), reason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await handle(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted && ex is not BadHttpRequestException)
        {
            if (ex is InboundTokenCheckUnavailableException)
            {
                InboundLog.TokenCheckUnavailable(_logger, ex, endpoint);
            }
            else
            {
                OrchestrationLog.StoreUnavailable(_logger, ex);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, cancellationToken).ConfigureAwait(false);
    }
}
