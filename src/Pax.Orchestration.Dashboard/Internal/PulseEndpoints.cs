using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Dashboard.Internal.Html;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>The pulse page (<c>{prefix}/pulse</c>) and its JSON (<c>{prefix}/api/pulse</c>), guarded like every dashboard page.</summary>
internal sealed class PulseEndpoints
{
    private readonly DashboardEndpoints _endpoints;
    private readonly PulseReader _reader;
    private readonly DashboardOptions _options;

    public PulseEndpoints(DashboardEndpoints endpoints, PulseReader reader, IOptions<DashboardOptions> options)
    {
        _endpoints = endpoints;
        _reader = reader;
        _options = options.Value;
    }

    public Task PageAsync(HttpContext context, string prefix) => _endpoints.GuardAsync(context, async (_, ct) =>
    {
        var view = await _reader.ReadAsync(ct).ConfigureAwait(false);
        var layout = DashboardEndpoints.Layout(context, prefix, _options);
        await layout.WriteAsync(context, "Pulse", "Pulse", "/api/pulse", html => PulseHtml.Write(html, view)).ConfigureAwait(false);
    });

    public Task ApiAsync(HttpContext context) => _endpoints.GuardAsync(context, async (_, ct) =>
    {
        var view = await _reader.ReadAsync(ct).ConfigureAwait(false);
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, view, DashboardJsonContext.Default.PulseView, ct).ConfigureAwait(false);
    });
}
