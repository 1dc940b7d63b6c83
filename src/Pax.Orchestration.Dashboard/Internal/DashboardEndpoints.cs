using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Dashboard.Internal.Html;
using Pax.Orchestration.Dashboard.Internal.Search;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>The dashboard's pages and their JSON twins; every request is authenticated first, a store failure answers 503.</summary>
internal sealed class DashboardEndpoints
{
    private readonly DashboardAccess _access;
    private readonly DashboardReader _phases;
    private readonly JobsReader _jobs;
    private readonly IAntiforgery _antiforgery;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DashboardEndpoints(DashboardAccess access, DashboardReader phases, JobsReader jobs, IAntiforgery antiforgery, IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardEndpoints> logger)
    {
        _access = access;
        _phases = phases;
        _jobs = jobs;
        _antiforgery = antiforgery;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public Task PhasesPageAsync(HttpContext context, string prefix) => GuardAsync(context, async (_, ct) =>
    {
        if (await UnknownPhaseAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var filter = DashboardFilters.Tallies(context, out var error);
        var layout = Layout(context, prefix, filter?.Suffix);
        if (error is not null)
        {
            await SearchEndpoints.ErrorPageAsync(context, layout, "Phases", "/api/phases", error, html => SearchHtml.WriteTallyFilters(html, layout, Query(context, "phase"), null)).ConfigureAwait(false);
            return;
        }

        var view = await _phases.ReadPhasesAsync(Query(context, "phase"), Query(context, "after"), ct, filter).ConfigureAwait(false);
        await layout.WriteAsync(context, "Phases", "Phases", "/api/phases", html =>
        {
            SearchHtml.WriteTallyFilters(html, layout, Query(context, "phase"), filter);
            PhasesHtml.Write(html, layout, view);
        }).ConfigureAwait(false);
    });

    public Task PhasesApiAsync(HttpContext context) => GuardAsync(context, async (_, ct) =>
    {
        if (await UnknownPhaseAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var filter = DashboardFilters.Tallies(context, out var error);
        if (error is not null)
        {
            await SearchEndpoints.ErrorJsonAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, await _phases.ReadPhasesAsync(Query(context, "phase"), Query(context, "after"), ct, filter).ConfigureAwait(false), DashboardJsonContext.Default.PhasesView).ConfigureAwait(false);
    });

    public Task RunKeyPageAsync(HttpContext context, string prefix, string phase, string runKey) => GuardAsync(context, async (_, ct) =>
    {
        if (await _phases.ReadRunKeyAsync(phase, runKey, Query(context, "after"), ct).ConfigureAwait(false) is not { } view)
        {
            await NotFoundAsync(context, $"No tally for run key '{runKey}' of phase '{phase}'.").ConfigureAwait(false);
            return;
        }

        var layout = Layout(context, prefix);
        var tokens = _options.AllowActions ? _antiforgery.GetAndStoreTokens(context) : null;
        var api = "/api/phases/" + Uri.EscapeDataString(phase) + "/" + Uri.EscapeDataString(runKey);
        await layout.WriteAsync(context, $"Run key {runKey} · {phase}", string.Empty, api, html => RunKeyHtml.Write(html, layout, view, tokens)).ConfigureAwait(false);
    });

    public Task RunKeyApiAsync(HttpContext context, string phase, string runKey) => GuardAsync(context, async (_, ct) =>
    {
        if (await _phases.ReadRunKeyAsync(phase, runKey, Query(context, "after"), ct).ConfigureAwait(false) is not { } view)
        {
            await NotFoundAsync(context, $"No tally for run key '{runKey}' of phase '{phase}'.").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, view, DashboardJsonContext.Default.RunKeyView).ConfigureAwait(false);
    });

    public Task JobsPageAsync(HttpContext context, string prefix) => GuardAsync(context, async (_, ct) =>
    {
        if (!TryStatus(context, out var status))
        {
            await BadRequestAsync(context, "status must be pending, running, completed or failed.").ConfigureAwait(false);
            return;
        }

        var filter = DashboardFilters.Jobs(context, out var error);
        var layout = Layout(context, prefix, filter?.Suffix);
        if (error is not null)
        {
            await SearchEndpoints.ErrorPageAsync(context, layout, "Scheduled jobs", "/api/jobs", error, html => SearchHtml.WriteJobFilters(html, layout, Query(context, "status"), null)).ConfigureAwait(false);
            return;
        }

        var view = await _jobs.ReadAsync(status, Query(context, "after"), ct, filter).ConfigureAwait(false);
        var tokens = _options.AllowActions ? _antiforgery.GetAndStoreTokens(context) : null;
        await layout.WriteAsync(context, "Scheduled jobs", "Scheduled jobs", "/api/jobs", html =>
        {
            SearchHtml.WriteJobFilters(html, layout, Query(context, "status"), filter);
            JobsHtml.Write(html, layout, view, tokens);
        }).ConfigureAwait(false);
    });

    public Task JobsApiAsync(HttpContext context) => GuardAsync(context, async (_, ct) =>
    {
        if (!TryStatus(context, out var status))
        {
            await BadRequestAsync(context, "status must be pending, running, completed or failed.").ConfigureAwait(false);
            return;
        }

        var filter = DashboardFilters.Jobs(context, out var error);
        if (error is not null)
        {
            await SearchEndpoints.ErrorJsonAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, await _jobs.ReadAsync(status, Query(context, "after"), ct, filter).ConfigureAwait(false), DashboardJsonContext.Default.JobsView).ConfigureAwait(false);
    });

    public Task RejectedPageAsync(HttpContext context, string prefix) => GuardAsync(context, async (_, ct) =>
    {
        if (await UnknownPhaseAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var reason = DashboardFilters.Reason(context, out var error);
        var layout = Layout(context, prefix);
        if (error is not null)
        {
            await SearchEndpoints.ErrorPageAsync(context, layout, "Rejected messages", "/api/rejected", error, html => SearchHtml.WriteRejectedFilters(html, layout, Query(context, "phase"), null)).ConfigureAwait(false);
            return;
        }

        var view = await ReadRejectedAsync(Query(context, "phase"), reason, ct).ConfigureAwait(false);
        var api = "/api/rejected" + ("?" + DashboardFilters.Suffix(("phase", view.Phase), ("reason", reason)).TrimStart('&')).TrimEnd('?');
        await layout.WriteAsync(context, "Rejected messages", "Rejected messages", api, html =>
        {
            SearchHtml.WriteRejectedFilters(html, layout, view.Phase, reason);
            RejectedHtml.Write(html, layout, view);
        }).ConfigureAwait(false);
    });

    public Task RejectedApiAsync(HttpContext context) => GuardAsync(context, async (_, ct) =>
    {
        if (await UnknownPhaseAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var reason = DashboardFilters.Reason(context, out var error);
        if (error is not null)
        {
            await SearchEndpoints.ErrorJsonAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, await ReadRejectedAsync(Query(context, "phase"), reason, ct).ConfigureAwait(false), DashboardJsonContext.Default.RejectedView).ConfigureAwait(false);
    });

    /// <summary>Sets the security headers, authenticates, runs <paramref name="handle"/>; 400 when a store refuses an argument (<see cref="ArgumentException"/>); 503 when the store or Google's certificates (the token check) cannot be reached, saying which.</summary>
    public async Task GuardAsync(HttpContext context, Func<string, CancellationToken, Task> handle)
    {
        var cancellationToken = context.RequestAborted;
        HtmlLayout.SetHeaders(context.Response);
        try
        {
            if (await _access.AuthenticateAsync(context).ConfigureAwait(false) is not { } principal)
            {
                return;
            }

            await handle(principal, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted)
        {
            // A store refused an argument (a Firestore document id, say) that slipped past the dashboard's own checks:
            // the request is at fault, not the store.
            DashboardLog.BadArgument(_logger, ex);
            await PlainAsync(context, StatusCodes.Status400BadRequest, "400: the store refused an id or key in this request; check the link.").ConfigureAwait(false);
        }
        catch (InboundTokenCheckUnavailableException ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted)
        {
            DashboardLog.TokenCheckUnavailable(_logger, ex, $"{context.Request.Method} {context.Request.Path.ToUriComponent()}");
            await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "503: the sign-in check is unavailable (Google's signing certificates could not be fetched); try again.").ConfigureAwait(false);
        }
        catch (StoreIndexMissingException ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted)
        {
            // The rejected page filtered by phase (or reason), or a search: it is nothing but the query that needs the index.
            DashboardLog.StoreUnavailable(_logger, ex);
            var what = context.Request.Path.Value?.EndsWith("/rejected", StringComparison.Ordinal) == true ? "rejections" : "this search is";
            await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "503: " + what + " unavailable (" + ex.Message + ").").ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted
            && ex is not (BadHttpRequestException or AntiforgeryValidationException or ArgumentException))
        {
            DashboardLog.StoreUnavailable(_logger, ex);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("503: the store could not be read; try again.\n", cancellationToken).ConfigureAwait(false);
        }
    }

    public static string? Query(HttpContext context, string name) =>
        context.Request.Query[name] is { Count: 1 } values && values[0] is { Length: > 0 } value ? value : null;

    public static HtmlLayout Layout(HttpContext context, string prefix, DashboardOptions options, string? searchQuery = null) =>
        new(context.Request.PathBase + prefix, options) { SearchQuery = searchQuery };

    private HtmlLayout Layout(HttpContext context, string prefix, string? filterSuffix = null) =>
        new(context.Request.PathBase + prefix, _options) { FilterSuffix = filterSuffix ?? string.Empty };

    /// <summary>Answers 404 when <c>?phase=</c> names a phase that is not configured.</summary>
    private async Task<bool> UnknownPhaseAsync(HttpContext context)
    {
        if (Query(context, "phase") is not { } phase || _phases.FindPhase(phase) is not null)
        {
            return false;
        }

        await NotFoundAsync(context, $"Phase '{phase}' is not configured.").ConfigureAwait(false);
        return true;
    }

    private async Task<RejectedView> ReadRejectedAsync(string? phase, string? reason, CancellationToken cancellationToken)
    {
        var queries = _phases.Queries;
        var messages = queries is null ? []
            : reason is null ? await queries.ListRecentRejectedAsync(_options.PageSize, phase, null, cancellationToken).ConfigureAwait(false)
            : await queries.ListRejectedByReasonAsync(_options.PageSize, reason, phase, cancellationToken).ConfigureAwait(false);
        return new RejectedView(_time.GetUtcNow(), phase, messages.Select(RejectedRow.From).ToList());
    }

    private static bool TryStatus(HttpContext context, out Scheduling.ScheduledJobStatus? status)
    {
        status = null;
        if (Query(context, "status") is not { } text)
        {
            return true;
        }

        if (JobsReader.TryParseStatus(text, out var parsed))
        {
            status = parsed;
            return true;
        }

        return false;
    }

    public static async Task JsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task NotFoundAsync(HttpContext context, string message) => PlainAsync(context, StatusCodes.Status404NotFound, message);

    private static Task BadRequestAsync(HttpContext context, string message) => PlainAsync(context, StatusCodes.Status400BadRequest, message);

    public static Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
