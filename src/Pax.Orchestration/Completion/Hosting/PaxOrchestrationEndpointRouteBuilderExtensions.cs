using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the orchestrator's HTTP surface: <c>app.MapPaxOrchestration()</c>, or under a prefix.</summary>
public static class PaxOrchestrationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/> (the root when none): <c>POST {prefix}</c> (push intake, <c>POST /</c>
    /// without a prefix: 401 when authentication fails, 200 for a recorded, duplicate or rejected message, 503 when the
    /// store is unavailable or the ack deadline is near), <c>GET {prefix}/tallies/{phase}/{runKey}</c>
    /// (<see cref="TallyProgress"/> as JSON; 404 for an unknown phase), <c>POST {prefix}/watchdog</c>
    /// (<see cref="WatchdogReport"/>), <c>GET {prefix}/healthz</c> (liveness: <c>ok</c> while the process serves requests;
    /// no check, no authentication) and <c>GET {prefix}/readyz</c> (readiness: the health checks tagged <c>ready</c>,
    /// such as <c>firestore</c>, which fails when the Firestore store's database does not exist; 200 <c>Healthy</c> or
    /// 503 with each failing check's reason). Every endpoint but the two probes is authenticated with
    /// <see cref="OrchestrationOptions.Authentication"/>: the intake for its allowed principals, the tally and watchdog
    /// endpoints for <see cref="OrchestrationOptions.OperatorAccounts"/> (401 otherwise). Requires
    /// <c>AddPaxOrchestration</c>; options are validated here, so a bad configuration fails at startup.
    /// </summary>
    /// <remarks>
    /// With a prefix, the push subscription's endpoint is the service URL plus the prefix
    /// (<c>https://svc…run.app/orchestration</c>), and so is its default OIDC audience (what
    /// <see cref="InboundAuthenticationOptions.Audience"/> must name for <see cref="InboundAuthenticationMode.VerifySignature"/>);
    /// point Cloud Run's probes at <c>{prefix}/healthz</c> and <c>{prefix}/readyz</c>. The probes are not part of the
    /// returned builder: a convention added to it (<c>RequireAuthorization</c>, CORS, rate limiting) applies to the intake
    /// and the operator endpoints, never to a probe, which Cloud Run calls without a token.
    /// </remarks>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="prefix">A path to map under, such as <c>/orchestration</c>; <see langword="null"/> (the default) for the root.</param>
    /// <returns>The builder of the intake and operator endpoints (a route group), for further conventions.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a path such as <c>/orchestration</c>.</exception>
    public static IEndpointConventionBuilder MapPaxOrchestration(this IEndpointRouteBuilder endpoints, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = EndpointPrefix.Check(prefix, nameof(prefix));
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<OrchestrationOptions>>().Value;
        if (options.Authentication.Mode == InboundAuthenticationMode.None)
        {
            InboundLog.AuthenticationOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CompletionIntake>(), OrchestrationOptions.SectionName);
        }

        var group = endpoints.MapGroup(root);
        // Plain request delegates: nothing to generate or compile per endpoint when the route table is first built, which
        // happens at a cold instance's first request (README › Benchmarks › Cold start).
        group.MapPost(root.Length == 0 ? "/" : string.Empty, static context => context.RequestServices.GetRequiredService<CompletionIntake>().HandleAsync(context));
        group.MapGet("/tallies/{phase}/{runKey}", static context =>
            context.RequestServices.GetRequiredService<OperatorEndpoints>().TallyAsync(context, RouteValues.Get(context, "phase"), RouteValues.Get(context, "runKey")));
        group.MapPost("/watchdog", static context => context.RequestServices.GetRequiredService<OperatorEndpoints>().WatchdogAsync(context));
        endpoints.MapGet(root + "/healthz", static context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("ok", context.RequestAborted);
        });
        endpoints.MapHealthChecks(root + "/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(FirestoreDatabaseHealthCheck.ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return group;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n", context.RequestAborted);
    }
}
