using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The run key page: summary, trigger (with the last failed attempt), the re-drive action, processors, the timeline, and the rejected deliveries that named it.</summary>
internal static class RunKeyHtml
{
    public static void Write(HtmlWriter html, HtmlLayout layout, RunKeyView view, AntiforgeryTokenSet? actions)
    {
        var s = view.Summary;
        html.Raw("<p>State: ");
        PhasesHtml.StateBadges(html, s, view.Rejected.Count);
        html.Raw(" · ").Text(s.Failed > 0 ? $"{s.Succeeded} of {s.RequiredSuccesses} succeeded, {s.Failed} failed" : $"{s.Succeeded} of {s.RequiredSuccesses} succeeded").Raw(" · deadline ").Time(s.DeadlineAt).Raw("</p>");
        html.Raw("<table><caption>Trigger</caption><tbody><tr><th scope=\"row\">Kind</th><td>").Text(view.Trigger.Kind).Raw("</td></tr><tr><th scope=\"row\">Target</th><td>")
            .Text(view.Trigger.Target).Raw("</td></tr><tr><th scope=\"row\">Idempotency key</th><td><code>").Text(view.IdempotencyKey).Raw("</code></td></tr>")
            .Raw("<tr><th scope=\"row\">Claimed until</th><td>").Time(s.ClaimedUntil).Raw("</td></tr><tr><th scope=\"row\">Triggered</th><td>").Time(s.TriggeredAt).Raw("</td></tr>")
            .Raw("<tr><th scope=\"row\">Trace</th><td><code>").Text(view.Trigger.TraceId).Raw("</code></td></tr>");
        if (view.LastTriggerError is { } error)
        {
            html.Raw("<tr class=\"st-failed\"><th scope=\"row\">Last trigger error</th><td><pre>").Text(error.Message).Raw("</pre></td></tr>")
                .Raw("<tr><th scope=\"row\">Failed at</th><td>").Time(error.At).Raw("</td></tr>")
                .Raw("<tr><th scope=\"row\">Failed attempts</th><td>").Text(error.Attempts.ToString(CultureInfo.InvariantCulture)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        if (actions is not null && s.State == "claimed")
        {
            HtmlLayout.ActionForm(html, layout.Path("/actions/redrive/" + Uri.EscapeDataString(view.Phase) + "/" + Uri.EscapeDataString(view.RunKey)), actions, "Re-drive", "Re-drive " + view.Phase + "/" + view.RunKey);
        }

        html.Raw("<h2>Processors</h2><table><thead><tr><th scope=\"col\">Processor</th><th scope=\"col\">Status</th><th scope=\"col\">Recorded</th></tr></thead><tbody>");
        foreach (var cell in s.Processors)
        {
            html.Raw("<tr><th scope=\"row\">").Text(cell.Processor).Raw("</th><td").Attribute("class", "st-" + cell.Status).Raw(">").Text(PhasesHtml.Label(cell.Status))
                .Raw("</td><td>").Time(cell.RecordedAt).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        if (view.ReportsNext is { } next)
        {
            html.Raw("<p>").Link("?after=" + Uri.EscapeDataString(next), "Next processors").Raw("</p>");
        }

        html.Raw("<h2>Timeline</h2>");
        WriteTimeline(html, view);
        WriteRejected(html, layout, view);
    }

    private static void WriteTimeline(HtmlWriter html, RunKeyView view)
    {
        if (view.Timeline.Count == 0)
        {
            html.Raw("<p>").Text(view.Rejected.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"No report accepted for this run key: {view.Rejected.Count} rejected (below).")
                : "Nobody reported for this run key.").Raw("</p>");
            return;
        }

        html.Raw("<table><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Event</th><th scope=\"col\">Processor</th><th scope=\"col\">Status</th><th scope=\"col\">Details</th><th scope=\"col\">Message id</th><th scope=\"col\">Trace</th></tr></thead><tbody>");
        foreach (var e in view.Timeline)
        {
            html.Raw("<tr><td>").Time(e.At).Raw("</td><td>").Text(e.Text).Raw("</td><td>").Text(e.Processor).Raw("</td><td");
            if (e.Status is { } status)
            {
                html.Attribute("class", "st-" + status).Raw(">").Text(PhasesHtml.Label(status));
            }
            else
            {
                html.Raw(">");
            }

            html.Raw("</td><td><pre>").Text(e.Details).Raw("</pre></td><td><code>").Text(e.MessageId).Raw("</code></td><td><code>").Text(e.TraceId).Raw("</code></td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void WriteRejected(HtmlWriter html, HtmlLayout layout, RunKeyView view)
    {
        html.Raw("<h2>Rejected deliveries for this run key</h2>");
        if (view.RejectedUnavailable is { } unavailable)
        {
            html.Raw("<p>").Text("Rejections: unavailable (" + unavailable + ").").Raw("</p>");
            return;
        }

        if (view.Rejected.Count == 0)
        {
            html.Raw("<p>None: every delivery that named this run key was recorded.</p>");
            return;
        }

        RejectedHtml.WriteTable(html, view.Rejected, "Deliveries that named " + view.Phase + "/" + view.RunKey + " and were rejected, newest first");
        html.Link(layout.Path("/rejected") + "?phase=" + Uri.EscapeDataString(view.Phase), "All rejected deliveries of " + view.Phase + " →");
    }
}
