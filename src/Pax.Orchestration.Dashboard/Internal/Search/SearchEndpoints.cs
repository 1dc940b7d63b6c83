using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Dashboard.Internal.Html;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// The search page (<c>/pax/search?q=</c>, the box on every page) and the instances page, with their JSON twins; guarded
/// like every dashboard page (<see cref="DashboardEndpoints.GuardAsync"/>). Also answers a filter the dashboard cannot
/// use: 400, as JSON (<see cref="FilterErrorView"/>) or as the page with the message above its form.
/// </summary>
internal sealed class SearchEndpoints
{
    private const int MaxQueryLength = 500;
    private readonly DashboardEndpoints _pages;
    private readonly DashboardReader _phases;
    private readonly JobsReader _jobs;
    private readonly ICompletionStore? _store;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;

    public SearchEndpoints(DashboardEndpoints pages, DashboardReader phases, JobsReader jobs, IServiceProvider services, IOptions<DashboardOptions> options, TimeProvider time)
    {
        _pages = pages;
        _phases = phases;
        _jobs = jobs;
        _store = services.GetService<ICompletionStore>();
        _options = options.Value;
        _time = time;
    }

    public Task SearchPageAsync(HttpContext context, string prefix) => _pages.GuardAsync(context, async (_, ct) =>
    {
        var query = DashboardEndpoints.Query(context, "q")?.Trim() ?? string.Empty;
        var layout = DashboardEndpoints.Layout(context, prefix, _options, query);
        if (query.Length > MaxQueryLength)
        {
            await ErrorPageAsync(context, layout, "Search", "/api/search", $"q holds at most {MaxQueryLength} characters.", _ => { }).ConfigureAwait(false);
            return;
        }

        var view = await ReadAsync(query, ct).ConfigureAwait(false);
        var api = "/api/search?q=" + Uri.EscapeDataString(query);
        await layout.WriteAsync(context, query.Length == 0 ? "Search" : "Search: " + query, string.Empty, api, html => SearchHtml.WriteResults(html, layout, view)).ConfigureAwait(false);
    });

    public Task SearchApiAsync(HttpContext context) => _pages.GuardAsync(context, async (_, ct) =>
    {
        var query = DashboardEndpoints.Query(context, "q")?.Trim() ?? string.Empty;
        if (query.Length is 0 or > MaxQueryLength)
        {
            await ErrorJsonAsync(context, $"q must be a run key, the start of one or a job id (1–{MaxQueryLength} characters).").ConfigureAwait(false);
            return;
        }

        await DashboardEndpoints.JsonAsync(context, await ReadAsync(query, ct).ConfigureAwait(false), DashboardJsonContext.Default.SearchView).ConfigureAwait(false);
    });

    public Task InstancesPageAsync(HttpContext context, string prefix) => _pages.GuardAsync(context, async (_, ct) =>
    {
        var view = await InstancesReader.ReadAsync(_phases, _jobs, _options.PageSize, _time.GetUtcNow(), ct).ConfigureAwait(false);
        var layout = DashboardEndpoints.Layout(context, prefix, _options);
        await layout.WriteAsync(context, "Instances", "Instances", "/api/instances", html => InstancesHtml.Write(html, layout, view)).ConfigureAwait(false);
    });

    public Task InstancesApiAsync(HttpContext context) => _pages.GuardAsync(context, async (_, ct) =>
        await DashboardEndpoints.JsonAsync(context, await InstancesReader.ReadAsync(_phases, _jobs, _options.PageSize, _time.GetUtcNow(), ct).ConfigureAwait(false), DashboardJsonContext.Default.InstancesView).ConfigureAwait(false));

    /// <summary>Answers 400 with the page: the message (what is wrong, what is accepted) above <paramref name="form"/>, the page's filter form.</summary>
    public static async Task ErrorPageAsync(HttpContext context, HtmlLayout layout, string title, string apiPath, string message, Action<HtmlWriter> form)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await layout.WriteAsync(context, title, title, apiPath, html =>
        {
            SearchHtml.WriteFilterError(html, message);
            form(html);
        }).ConfigureAwait(false);
    }

    /// <summary>Answers 400 with <c>{ "error": "…" }</c>.</summary>
    public static async Task ErrorJsonAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await DashboardEndpoints.JsonAsync(context, new FilterErrorView(message), DashboardJsonContext.Default.FilterErrorView).ConfigureAwait(false);
    }

    /// <summary>Per phase the run key itself (one read) and a page of run keys starting with it (one query); the job with that id (one read).</summary>
    private async Task<SearchView> ReadAsync(string query, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (query.Length == 0)
        {
            return new SearchView(now, query, [], []);
        }

        var byPrefix = await _phases.ReadPhasesAsync(null, null, cancellationToken, new TallyFilter(null, query, null, null, null)).ConfigureAwait(false);
        var phases = new List<PhaseView>();
        foreach (var view in byPrefix.Phases)
        {
            var rows = view.RunKeys;
            if (_store is not null && CompletionNames.ValidateRunKey(query) is null && !rows.Any(r => r.RunKey == query)
                && _phases.FindPhase(view.Name) is { } phase
                && await _store.GetAsync(phase.Name, query, cancellationToken).ConfigureAwait(false) is { } exact)
            {
                rows = [DashboardReader.Row(phase, exact, query, now, null), .. rows];
            }

            phases.Add(view with { RunKeys = rows });
        }

        var jobs = new List<JobRow>();
        if (_jobs.Store is { } store && ScheduledJob.IsValidId(query) && await store.GetAsync(query, cancellationToken).ConfigureAwait(false) is { } job)
        {
            jobs.Add(JobsReader.Row(job));
        }

        return new SearchView(now, query, phases, jobs);
    }
}
