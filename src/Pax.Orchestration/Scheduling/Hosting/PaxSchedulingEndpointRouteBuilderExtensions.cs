using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Hosting.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the tick scheduler's HTTP surface (<c>POST /cron/tick</c>, <c>POST /jobs</c>, <c>GET /jobs/{id}</c>: 401 when authentication fails, 503 when the store is unavailable, 400 with the reason for a bad job request, 413 for a body over 1 MiB). Requires <c>AddPaxScheduling</c>.</summary>
public static class PaxSchedulingEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to a tick: Cloud Scheduler calls it (every minute, with an OIDC token); it answers 200 with the tick's metrics.</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="pattern">The route, conventionally <c>/cron/tick</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapCronTick(this IEndpointRouteBuilder endpoints, string pattern = "/cron/tick")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<SchedulingEndpoints>().TickAsync(context));
    }

    /// <summary>Maps <c>POST {prefix}</c> (create a job) and <c>GET {prefix}/{id}</c> (read it).</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="prefix">The route prefix, conventionally <c>/jobs</c>.</param>
    /// <returns><paramref name="endpoints"/>.</returns>
    public static IEndpointRouteBuilder MapScheduledJobs(this IEndpointRouteBuilder endpoints, string prefix = "/jobs")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var root = prefix.TrimEnd('/');
        endpoints.MapPost(root, (HttpContext context) => context.RequestServices.GetRequiredService<SchedulingEndpoints>().CreateAsync(context));
        endpoints.MapGet(root + "/{id}", (HttpContext context, string id) => context.RequestServices.GetRequiredService<SchedulingEndpoints>().GetAsync(context, id));
        return endpoints;
    }

    /// <summary>Maps <c>POST /cron/tick</c>, <c>POST /jobs</c> and <c>GET /jobs/{id}</c>.</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns><paramref name="endpoints"/>.</returns>
    public static IEndpointRouteBuilder MapPaxScheduling(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        if (options.Authentication == PushAuthenticationMode.None)
        {
            OrchestrationLog.AuthenticationOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<SchedulingEndpoints>(), SchedulingOptions.SectionName);
        }

        endpoints.MapCronTick();
        return endpoints.MapScheduledJobs();
    }
}
