using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The scheduled jobs page: a table per status, with retry (failed jobs), run now (recurring jobs not running) and delete actions when allowed.</summary>
internal static class JobsHtml
{
    public static void Write(HtmlWriter html, HtmlLayout layout, JobsView view, AntiforgeryTokenSet? actions)
    {
        if (!view.Available)
        {
            html.Raw("<p>The scheduler is not registered here (AddPaxScheduling), or its store offers no listing.</p>");
            return;
        }

        foreach (var status in view.Statuses)
        {
            html.Raw("<h2>").Text(char.ToUpperInvariant(status.Status[0]) + status.Status[1..]).Raw("</h2>");
            if (status.Jobs.Count == 0)
            {
                html.Raw("<p>").Text("No " + status.Status + " job.").Raw("</p>");
                continue;
            }

            html.Raw("<table><caption>").Text(status.Status + " jobs").Raw("</caption><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Type</th><th scope=\"col\">Status</th>")
                .Raw("<th scope=\"col\">Next run (job's time zone)</th><th scope=\"col\">Attempts</th><th scope=\"col\">Last error</th><th scope=\"col\">Lease (holder, until)</th>")
                .Raw("<th scope=\"col\">Recurrence</th><th scope=\"col\">Last outcomes (newest first)</th>");
            if (actions is not null)
            {
                html.Raw("<th scope=\"col\">Actions</th>");
            }

            html.Raw("</tr></thead><tbody>");
            foreach (var job in status.Jobs)
            {
                WriteRow(html, layout, job, actions);
            }

            html.Raw("</tbody></table>");
            if (status.NextPage is { } next)
            {
                html.Link(layout.Path("/jobs") + "?status=" + status.Status + "&after=" + Uri.EscapeDataString(next) + layout.FilterSuffix, "More " + status.Status + " jobs →");
            }
        }
    }

    private static void WriteRow(HtmlWriter html, HtmlLayout layout, JobRow job, AntiforgeryTokenSet? actions)
    {
        html.Raw("<tr><th scope=\"row\"><code>").Text(job.Id).Raw("</code></th><td>").Text(job.Type).Raw("</td><td>").Text(job.Status)
            .Raw("</td><td>").Text(job.NextRunLocal).Raw("<br><span class=\"meta\">").Text(job.TimeZone).Raw("</span></td><td class=\"num\">")
            .Text(string.Create(CultureInfo.InvariantCulture, $"{job.Attempts}/{job.MaxAttempts}")).Raw("</td><td><pre>").Text(job.LastError).Raw("</pre></td><td>")
            .Text(job.LeaseHolder).Raw(job.LeaseHolder is null ? string.Empty : "<br>").Time(job.LeaseUntil).Raw("</td><td>");
        if (job.Cron is { } cron)
        {
            html.Raw("<code>").Text(cron).Raw("</code> · misfire ").Text(job.Misfire).Raw("<br>next: ").Text(string.Join(", ", job.NextOccurrences));
        }
        else
        {
            html.Raw("one-off");
        }

        html.Raw("</td><td>");
        JobOutcomesHtml.Write(html, job.History);
        html.Raw("</td>");
        if (actions is not null)
        {
            html.Raw("<td>");
            var path = "/actions/jobs/" + Uri.EscapeDataString(job.Id);
            var version = "?version=" + Uri.EscapeDataString(job.Version ?? string.Empty);
            if (job.Status == "failed")
            {
                HtmlLayout.ActionForm(html, layout.Path(path + "/retry") + version, actions, "Retry", "Retry job " + job.Id);
            }

            if (job.Cron is not null && job.Status != "running")
            {
                HtmlLayout.ActionForm(html, layout.Path(path + "/run") + version, actions, "Run now", "Run job " + job.Id + " now");
            }

            HtmlLayout.ActionForm(html, layout.Path(path + "/delete") + version, actions, "Delete", "Delete job " + job.Id);
            html.Raw("</td>");
        }

        html.Raw("</tr>");
    }
}
