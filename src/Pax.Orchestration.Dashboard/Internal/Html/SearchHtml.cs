using Pax.Orchestration.Dashboard.Internal.Search;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>
/// The search box on every page, the filter forms of the phases, jobs and rejected pages, and the search page: plain
/// GET forms (no script; the CSP's <c>form-action 'self'</c> allows them), each value encoded.
/// </summary>
internal static class SearchHtml
{
    public static void WriteSearchBox(HtmlWriter html, HtmlLayout layout, string? query)
    {
        html.Raw("<form role=\"search\" method=\"get\"").Attribute("action", layout.Path("/search"))
            .Raw("><input type=\"search\" name=\"q\" maxlength=\"500\" placeholder=\"run key, prefix or job id\" aria-label=\"Find a run key (or its start) or a job id\"")
            .Attribute("value", query).Raw("> <button type=\"submit\">Search</button></form>");
    }

    public static void WriteTallyFilters(HtmlWriter html, HtmlLayout layout, string? phase, TallyFilter? filter)
    {
        html.Raw("<form class=\"filters\" method=\"get\"").Attribute("action", layout.Path("/")).Raw(" aria-label=\"Filter run keys\">");
        if (phase is not null)
        {
            html.Raw("<input type=\"hidden\" name=\"phase\"").Attribute("value", phase).Raw(">");
        }

        Input(html, "runKey", "Run key", filter?.RunKey);
        Input(html, "prefix", "starts with", filter?.Prefix);
        html.Raw("<label>State <select name=\"state\"><option value=\"\">any</option>");
        foreach (var state in DashboardFilters.States)
        {
            html.Raw("<option").Attribute("value", state).Raw(state == filter?.State ? " selected>" : ">").Text(state).Raw("</option>");
        }

        html.Raw("</select></label>");
        TimeInputs(html, "First report", filter?.From, filter?.Until);
        html.Raw("<button type=\"submit\">Filter</button> ").Link(layout.Path(phase is null ? "/" : "/?phase=" + Uri.EscapeDataString(phase)), "clear").Raw("</form>");
    }

    public static void WriteJobFilters(HtmlWriter html, HtmlLayout layout, string? status, JobFilter? filter)
    {
        html.Raw("<form class=\"filters\" method=\"get\"").Attribute("action", layout.Path("/jobs")).Raw(" aria-label=\"Filter jobs\">");
        Input(html, "id", "Job id", filter?.Id);
        Input(html, "type", "Type", filter?.Type);
        html.Raw("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var name in new[] { "running", "pending", "failed", "completed" })
        {
            html.Raw("<option").Attribute("value", name).Raw(string.Equals(name, status, StringComparison.OrdinalIgnoreCase) ? " selected>" : ">").Text(name).Raw("</option>");
        }

        html.Raw("</select></label>");
        TimeInputs(html, "Due", filter?.From, filter?.Until);
        html.Raw("<button type=\"submit\">Filter</button> ").Link(layout.Path("/jobs"), "clear").Raw("</form>");
    }

    public static void WriteRejectedFilters(HtmlWriter html, HtmlLayout layout, string? phase, string? reason)
    {
        html.Raw("<form class=\"filters\" method=\"get\"").Attribute("action", layout.Path("/rejected")).Raw(" aria-label=\"Filter rejected deliveries\">");
        Input(html, "phase", "Phase", phase);
        html.Raw("<label>Reason <select name=\"reason\"><option value=\"\">any</option>");
        foreach (var code in DashboardFilters.Reasons)
        {
            html.Raw("<option").Attribute("value", code).Raw(code == reason ? " selected>" : ">").Text(code).Raw("</option>");
        }

        html.Raw("</select></label><button type=\"submit\">Filter</button> ").Link(layout.Path("/rejected"), "clear").Raw("</form>");
    }

    /// <summary>The answer to a filter the dashboard cannot use: the message (naming the accepted values) above the page's form.</summary>
    public static void WriteFilterError(HtmlWriter html, string message) => html.Raw("<p role=\"alert\">").Text("400: " + message).Raw("</p>");

    public static void WriteResults(HtmlWriter html, HtmlLayout layout, SearchView view)
    {
        if (view.Query.Length == 0)
        {
            html.Raw("<p>Type a run key, the start of one (<code>2026-02</code>) or a job id in the box above.</p>");
            return;
        }

        var found = false;
        foreach (var phase in view.Phases.Where(p => p.RunKeys.Count > 0))
        {
            found = true;
            html.Raw("<h2>").Text("Phase " + phase.Name).Raw("</h2>");
            PhasesHtml.WriteTable(html, layout, phase);
            if (phase.NextPage is not null)
            {
                html.Link(layout.Path("/") + "?phase=" + Uri.EscapeDataString(phase.Name) + "&prefix=" + Uri.EscapeDataString(view.Query), "More run keys of " + phase.Name + " starting with " + view.Query + " →");
            }
        }

        if (view.Jobs.Count > 0)
        {
            found = true;
            html.Raw("<h2>Jobs</h2><table><caption>Jobs with this id</caption><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Type</th><th scope=\"col\">Status</th><th scope=\"col\">Next run</th><th scope=\"col\">Lease holder</th></tr></thead><tbody>");
            foreach (var job in view.Jobs)
            {
                html.Raw("<tr><th scope=\"row\">").Link(layout.Path("/jobs") + "?status=" + job.Status + "&id=" + Uri.EscapeDataString(job.Id), job.Id)
                    .Raw("</th><td>").Text(job.Type).Raw("</td><td>").Text(job.Status).Raw("</td><td>").Text(job.NextRunLocal).Raw("</td><td>").Text(job.LeaseHolder).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        if (!found)
        {
            html.Raw("<p>").Text("No run key equal to or starting with '" + view.Query + "', and no job with that id.").Raw("</p>");
        }
    }

    private static void Input(HtmlWriter html, string name, string label, string? value) =>
        html.Raw("<label>").Text(label).Raw(" <input type=\"text\"").Attribute("name", name).Attribute("value", value).Raw("></label>");

    private static void TimeInputs(HtmlWriter html, string label, DateTimeOffset? from, DateTimeOffset? until)
    {
        html.Raw("<label>").Text(label + " from").Raw(" <input type=\"text\" name=\"from\" placeholder=\"2026-02-10\"").Attribute("value", DashboardFilters.Time(from)).Raw("></label>")
            .Raw("<label>until <input type=\"text\" name=\"until\" placeholder=\"2026-02-11T00:00:00Z\"").Attribute("value", DashboardFilters.Time(until)).Raw("></label>");
    }
}
