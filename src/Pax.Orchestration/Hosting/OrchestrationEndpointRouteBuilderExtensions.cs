using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Stores.Internal;
using Pax.Orchestration.Watchdog;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the orchestrator's HTTP surface.</summary>
public static class OrchestrationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /</c> (push intake, see <see cref="CompletionIntake"/>), <c>GET /tallies/{phase}/{runKey}</c>
    /// (<see cref="TallyStatus"/> as JSON; 404 for an unknown phase), <c>POST /watchdog</c> (<see cref="WatchdogReport"/>)
    /// <c>GET /healthz</c> (liveness: <c>ok</c> while the process serves requests; no check, no authentication) and
    /// <c>GET /readyz</c> (readiness: the health checks tagged <c>ready</c>, such as <c>firestore</c>, which fails when the
    /// Firestore store's database does not exist; 200 <c>Healthy</c> or 503 with each failing check's reason).
    /// Requires <c>AddPaxOrchestration</c>.
    /// </summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns><paramref name="endpoints"/>.</returns>
    public static IEndpointRouteBuilder MapPaxOrchestration(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/", (HttpContext context) => context.RequestServices.GetRequiredService<CompletionIntake>().HandleAsync(context));
        endpoints.MapGet("/tallies/{phase}/{runKey}", async (string phase, string runKey, HttpContext context) =>
        {
            var status = await context.RequestServices.GetRequiredService<CompletionTally>().GetStatusAsync(phase, runKey, context.RequestAborted).ConfigureAwait(false);
            if (status is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await WriteJsonAsync(context, status, OrchestrationJsonContext.Default.TallyStatus).ConfigureAwait(false);
        });
        endpoints.MapPost("/watchdog", async (HttpContext context) =>
        {
            var report = await context.RequestServices.GetRequiredService<CompletionWatchdog>().RunAsync(context.RequestAborted).ConfigureAwait(false);
            await WriteJsonAsync(context, report, OrchestrationJsonContext.Default.WatchdogReport).ConfigureAwait(false);
        });
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

    private static async Task WriteJsonAsync<T>(HttpContext context, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }
}
