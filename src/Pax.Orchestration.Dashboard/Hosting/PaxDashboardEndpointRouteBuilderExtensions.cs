using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Dashboard.Internal;
using Pax.Orchestration.Dashboard.Internal.Search;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Pax dashboard: <c>app.MapPaxDashboard("/pax")</c>.</summary>
public static class PaxDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard under <paramref name="prefix"/>: pages <c>{prefix}</c> (phases), <c>{prefix}/phases/{phase}/{runKey}</c>,
    /// <c>{prefix}/jobs</c>, <c>{prefix}/rejected</c>, <c>{prefix}/search?q=</c>, <c>{prefix}/instances</c>, <c>{prefix}/pulse</c>; the same data as JSON at <c>{prefix}/api/phases</c>,
    /// <c>{prefix}/api/phases/{phase}/{runKey}</c>, <c>{prefix}/api/jobs</c>, <c>{prefix}/api/rejected</c>, <c>{prefix}/api/search</c>, <c>{prefix}/api/instances</c>, <c>{prefix}/api/pulse</c>; and, when
    /// <see cref="Pax.Orchestration.Dashboard.DashboardOptions.AllowActions"/> is set, the POST actions <c>{prefix}/actions/redrive/{phase}/{runKey}</c>,
    /// <c>{prefix}/actions/jobs/{id}/retry</c>, <c>{prefix}/actions/jobs/{id}/delete</c> and <c>{prefix}/actions/jobs/{id}/run</c> (run now; mapped always, answering 403 while actions are off).
    /// Needs <c>services.AddPaxDashboard()</c>.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the app).</param>
    /// <param name="prefix">The path the dashboard lives under, such as <c>/pax</c>: starts with '/', does not end with one.</param>
    /// <returns>The builder of every dashboard endpoint (a route group), for further conventions such as <c>RequireAuthorization</c>; the dashboard's own check (<see cref="Pax.Orchestration.Dashboard.DashboardOptions.Authentication"/>) still applies.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a path such as <c>/pax</c>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddPaxDashboard</c> was not called.</exception>
    public static IEndpointConventionBuilder MapPaxDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/pax")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The dashboard prefix must be a path such as '/pax' (was '{prefix}').", nameof(prefix));
        }

        // The pages and actions (with their readers, stores and antiforgery) are built at the dashboard's first request,
        // not here: a cold instance answers its first push or probe without them. DashboardOptions are validated when
        // the host starts (ValidateOnStart), so a configuration mistake still stops the start.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(DashboardEndpoints)) != true)
        {
            throw new InvalidOperationException("Call services.AddPaxDashboard() before app.MapPaxDashboard().");
        }

        static DashboardEndpoints Pages(HttpContext c) => c.RequestServices.GetRequiredService<DashboardEndpoints>();
        static DashboardActions Actions(HttpContext c) => c.RequestServices.GetRequiredService<DashboardActions>();

        // A parameter of the matched route's pattern (always captured when it matched). The endpoints are plain request
        // delegates: nothing is generated or compiled for them when the route table is first built.
        static string Route(HttpContext c, string name) => c.Request.RouteValues[name]?.ToString() ?? throw new InvalidOperationException($"The route has no parameter '{name}'.");
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/", c => Pages(c).PhasesPageAsync(c, prefix));
        group.MapGet("/phases/{phase}/{runKey}", c => Pages(c).RunKeyPageAsync(c, prefix, Route(c, "phase"), Route(c, "runKey")));
        group.MapGet("/jobs", c => Pages(c).JobsPageAsync(c, prefix));
        group.MapGet("/rejected", c => Pages(c).RejectedPageAsync(c, prefix));
        group.MapGet("/api/phases", c => Pages(c).PhasesApiAsync(c));
        group.MapGet("/api/phases/{phase}/{runKey}", c => Pages(c).RunKeyApiAsync(c, Route(c, "phase"), Route(c, "runKey")));
        group.MapGet("/api/jobs", c => Pages(c).JobsApiAsync(c));
        group.MapGet("/api/rejected", c => Pages(c).RejectedApiAsync(c));
        static SearchEndpoints Search(HttpContext c) => c.RequestServices.GetRequiredService<SearchEndpoints>();
        group.MapGet("/search", c => Search(c).SearchPageAsync(c, prefix));
        group.MapGet("/api/search", c => Search(c).SearchApiAsync(c));
        group.MapGet("/instances", c => Search(c).InstancesPageAsync(c, prefix));
        group.MapGet("/api/instances", c => Search(c).InstancesApiAsync(c));
        group.MapPost("/actions/redrive/{phase}/{runKey}", c => Actions(c).RedriveAsync(c, prefix, Route(c, "phase"), Route(c, "runKey")));
        group.MapPost("/actions/jobs/{id}/retry", c => Actions(c).RetryJobAsync(c, prefix, Route(c, "id")));
        group.MapPost("/actions/jobs/{id}/delete", c => Actions(c).DeleteJobAsync(c, prefix, Route(c, "id")));
        static PulseEndpoints Pulse(HttpContext c) => c.RequestServices.GetRequiredService<PulseEndpoints>();
        group.MapGet("/pulse", c => Pulse(c).PageAsync(c, prefix));
        group.MapGet("/api/pulse", c => Pulse(c).ApiAsync(c));
        group.MapPost("/actions/jobs/{id}/run", c => Actions(c).RunJobNowAsync(c, prefix, Route(c, "id")));
        return group;
    }
}
