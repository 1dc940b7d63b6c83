using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Stores.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the orchestrator's HTTP surface.</summary>
public static class PaxOrchestrationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /</c> (push intake: 401 when push authentication fails, 200 for a recorded, duplicate or rejected message, 503 when the store is unavailable or the ack deadline is near), <c>GET /tallies/{phase}/{runKey}</c>
    /// (<see cref="TallyProgress"/> as JSON; 404 for an unknown phase), <c>POST /watchdog</c> (<see cref="WatchdogReport"/>),
    /// <c>GET /healthz</c> (liveness: <c>ok</c> while the process serves requests; no check, no authentication) and
    /// <c>GET /readyz</c> (readiness: the health checks tagged <c>ready</c>, such as <c>firestore</c>, which fails when the
    /// Firestore store's database does not exist; 200 <c>Healthy</c> or 503 with each failing check's reason).
    /// Every endpoint but <c>/healthz</c> and <c>/readyz</c> is authenticated with <see cref="OrchestrationOptions.Push"/>'s
    /// mode and audience: the intake for the push accounts, the tally and watchdog endpoints for
    /// <see cref="OrchestrationOptions.OperatorAccounts"/> (401 otherwise). Requires <c>AddPaxOrchestration</c>;
    /// options are validated here, so a bad configuration fails at startup.
    /// </summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns><paramref name="endpoints"/>.</returns>
    public static IEndpointRouteBuilder MapPaxOrchestration(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<OrchestrationOptions>>().Value;
        if (options.Push.Authentication == PushAuthenticationMode.None)
        {
            OrchestrationLog.AuthenticationOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CompletionIntake>(), OrchestrationOptions.SectionName + ":Push");
        }

        endpoints.MapPost("/", (HttpContext context) => context.RequestServices.GetRequiredService<CompletionIntake>().HandleAsync(context));
        endpoints.MapGet("/tallies/{phase}/{runKey}", (string phase, string runKey, HttpContext context) =>
            context.RequestServices.GetRequiredService<OperatorEndpoints>().TallyAsync(context, phase, runKey));
        endpoints.MapPost("/watchdog", (HttpContext context) => context.RequestServices.GetRequiredService<OperatorEndpoints>().WatchdogAsync(context));
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(FirestoreDatabaseHealthCheck.ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n", context.RequestAborted);
    }
}
