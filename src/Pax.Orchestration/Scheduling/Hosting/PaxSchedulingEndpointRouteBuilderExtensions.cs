using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Hosting.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the tick scheduler's HTTP surface (<c>POST /cron/tick</c>, <c>POST /jobs</c>, <c>GET /jobs/{id}</c>, authenticated
/// with <see cref="SchedulingOptions.Authentication"/>: 401 when authentication fails, 503 when the store is unavailable,
/// 400 with the reason for a bad job request, 413 for a body over 1 MiB). Requires <c>AddPaxScheduling</c>.
/// </summary>
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
        return endpoints.MapPost(pattern, static context => context.RequestServices.GetRequiredService<SchedulingEndpoints>().TickAsync(context));
    }

    /// <summary>Maps <c>POST {prefix}</c> (create a job) and <c>GET {prefix}/{id}</c> (read it).</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="prefix">The route prefix, conventionally <c>/jobs</c>.</param>
    /// <returns>The builder of both endpoints (a route group), for further conventions.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a path such as <c>/jobs</c>.</exception>
    public static IEndpointConventionBuilder MapScheduledJobs(this IEndpointRouteBuilder endpoints, string prefix = "/jobs")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var group = endpoints.MapGroup(EndpointPrefix.Check(prefix, nameof(prefix)));
        group.MapPost(string.Empty, static context => context.RequestServices.GetRequiredService<SchedulingEndpoints>().CreateAsync(context));
        group.MapGet("/{id}", static context => context.RequestServices.GetRequiredService<SchedulingEndpoints>().GetAsync(context, RouteValues.Get(context, "id")));
        return group;
    }

    /// <summary>
    /// Maps <c>POST {prefix}/cron/tick</c>, <c>POST {prefix}/jobs</c> and <c>GET {prefix}/jobs/{id}</c> under
    /// <paramref name="prefix"/> (the root when none). With a prefix, the Scheduler job's URL is the service URL plus
    /// <c>{prefix}/cron/tick</c> (<c>CronTickDeployment.Path</c>); its OIDC audience stays the service URL.
    /// </summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="prefix">A path to map under, such as <c>/scheduler</c>; <see langword="null"/> (the default) for the root.</param>
    /// <returns>The builder of the three endpoints (a route group), for further conventions such as <c>RequireAuthorization</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a path such as <c>/scheduler</c>.</exception>
    public static IEndpointConventionBuilder MapPaxScheduling(this IEndpointRouteBuilder endpoints, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(EndpointPrefix.Check(prefix, nameof(prefix)));
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        if (options.Authentication.Mode == InboundAuthenticationMode.None)
        {
            InboundLog.AuthenticationOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<SchedulingEndpoints>(), SchedulingOptions.SectionName);
        }

        group.MapCronTick();
        group.MapScheduledJobs();
        return group;
    }
}
