using Microsoft.AspNetCore.Http;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// A route parameter of a matched endpoint, for endpoints mapped as plain <see cref="RequestDelegate"/>s: the value the
/// router captured (a parameter of the route's pattern is always captured when the route matched).
/// </summary>
internal static class RouteValues
{
    public static string Get(HttpContext context, string name) =>
        context.Request.RouteValues[name]?.ToString() ?? throw new InvalidOperationException($"The route has no parameter '{name}'.");
}
