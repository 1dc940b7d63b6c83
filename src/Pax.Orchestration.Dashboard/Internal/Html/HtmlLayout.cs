using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>
/// The page frame: navigation, the inline stylesheet (allowed by a per-response nonce), optional auto-refresh, and the
/// response headers — a Content-Security-Policy that allows nothing but that stylesheet and forms posting back here
/// (<c>default-src 'none'</c>: no script, image, font or frame from anywhere), <c>nosniff</c>, no referrer, no caching.
/// </summary>
internal sealed class HtmlLayout
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{background:#243b53;padding:.5rem 1rem}header a{color:#fff;margin-right:1.5rem;text-decoration:none;font-weight:600}
        header a[aria-current=page]{text-decoration:underline}header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center}
        header form input{font:inherit;width:16rem}form.filters{display:block;margin:.3rem 0 1rem}form.filters label{margin-right:.8rem}p[role=alert]{background:#fbd3d0;padding:.4rem .6rem;border:1px solid #b3261e}
        main{padding:1rem}h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .4rem}
        table{border-collapse:collapse;margin:.3rem 0 1rem;background:#fff}th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef1f5}td.num{text-align:right}
        .st-succeeded{background:#d3f2d9}.st-failed{background:#fbd3d0}.st-missing{background:#eceff1;color:#444}
        .badge{display:inline-block;border-radius:3px;padding:0 .35rem;margin-left:.3rem;font-size:.8rem;font-weight:600}
        .b-overdue{background:#b3261e;color:#fff}.b-silent{background:#6d4c00;color:#fff}.b-triggered{background:#1e6b35;color:#fff}.b-claimed{background:#0b5cad;color:#fff}.b-open{background:#5f6b7a;color:#fff}.b-trigger-failed{background:#b3261e;color:#fff}
        .meta{color:#555}.none{color:#888}pre{white-space:pre-wrap;word-break:break-all;margin:0;max-width:60rem}
        form{display:inline}button{font:inherit;padding:.1rem .6rem}p[role=status]{background:#fff4c2;padding:.4rem .6rem;border:1px solid #e0c860}
        footer{padding:1rem;color:#666;font-size:.85rem}
        ol.outcomes{margin:0;padding-left:1.2rem}
        """;

    /// <summary>
    /// What the status line says after an action. The redirect carries only one of these keys, never text: a crafted
    /// link cannot make the dashboard show words of someone else's choosing (anything else shows nothing).
    /// </summary>
    private static readonly Dictionary<string, string> ResultMessages = new(StringComparer.Ordinal)
    {
        ["retry_job"] = "Job retried: it is pending again, due now.",
        ["delete_job"] = "Job deleted.",
        ["run_job"] = "Run now: the job is due now and the next tick runs it; its regular schedule is unchanged.",
        [RedriveResult(DriveOutcome.Triggered)] = "Re-drive: Triggered — the next phase was started and the tally is marked triggered.",
        [RedriveResult(DriveOutcome.AlreadyTriggered)] = "Re-drive: AlreadyTriggered — nothing to do, the next phase was started before.",
        [RedriveResult(DriveOutcome.ClaimedElsewhere)] = "Re-drive: ClaimedElsewhere — another instance holds the claim; try again after its lease ends.",
        [RedriveResult(DriveOutcome.NotComplete)] = "Re-drive: NotComplete — the phase is not complete, so nothing was triggered.",
        [RedriveResult(DriveOutcome.TriggerFailed)] = "Re-drive: TriggerFailed — the trigger failed (its error is under Trigger below); the claim lapses and the watchdog tries again.",
    };

    /// <summary>The status-line key for a re-drive that came to <paramref name="outcome"/>.</summary>
    public static string RedriveResult(DriveOutcome outcome) => "redrive-" + outcome;

    private readonly string _basePath;
    private readonly DashboardOptions _options;

    public HtmlLayout(string basePath, DashboardOptions options)
    {
        _basePath = basePath;
        _options = options;
    }

    public string Path(string relative) => _basePath + relative;

    /// <summary>Gets the filters of the page as a query-string suffix (<c>&amp;state=open</c>…), which its "more" links keep.</summary>
    public string FilterSuffix { get; init; } = string.Empty;

    /// <summary>Gets the search the page shows the results of, which the search box at the top keeps; <see langword="null"/> elsewhere.</summary>
    public string? SearchQuery { get; init; }

    /// <summary>Writes a full page with <paramref name="body"/> and the security headers.</summary>
    public async Task WriteAsync(HttpContext context, string title, string current, string apiPath, Action<HtmlWriter> body)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (_options.AutoRefresh is { } refresh)
        {
            html.Raw("<meta http-equiv=\"refresh\"").Attribute("content", ((int)refresh.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Raw(">");
        }

        html.Raw("<title>").Text("Pax · " + title).Raw("</title><style").Attribute("nonce", nonce).Raw(">").Raw(Style).Raw("</style></head><body>");
        html.Raw("<header><nav aria-label=\"Pax dashboard\">");
        foreach (var (label, path) in new[] { ("Phases", string.Empty), ("Scheduled jobs", "/jobs"), ("Rejected messages", "/rejected"), ("Pulse", "/pulse"), ("Instances", "/instances") })
        {
            html.Raw("<a").Attribute("href", Path(path.Length == 0 ? "/" : path));
            if (label == current)
            {
                html.Raw(" aria-current=\"page\"");
            }

            html.Raw(">").Text(label).Raw("</a>");
        }

        html.Raw("</nav>");
        SearchHtml.WriteSearchBox(html, this, SearchQuery);
        html.Raw("</header><main><h1>").Text(title).Raw("</h1>");
        if (ResultMessages.TryGetValue(context.Request.Query["result"].ToString(), out var result))
        {
            html.Raw("<p role=\"status\">").Text(result).Raw("</p>");
        }

        body(html);
        html.Raw("</main><footer>Same data as JSON: ").Link(Path(apiPath), Path(apiPath)).Raw("</footer></body></html>");

        SetHeaders(context.Response, $"default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The headers every dashboard answer carries (JSON too).</summary>
    public static void SetHeaders(HttpResponse response, string contentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'")
    {
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>Writes a POST form with the antiforgery token and one button.</summary>
    public static void ActionForm(HtmlWriter html, string action, AntiforgeryTokenSet tokens, string label, string accessibleLabel)
    {
        html.Raw("<form method=\"post\"").Attribute("action", action).Raw("><input type=\"hidden\"").Attribute("name", tokens.FormFieldName)
            .Attribute("value", tokens.RequestToken).Raw("><button type=\"submit\"").Attribute("aria-label", accessibleLabel).Raw(">").Text(label).Raw("</button></form>");
    }
}
