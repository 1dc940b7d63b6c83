namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The rejected messages page: the latest deliveries the intake acknowledged without recording, with reason, what they named and an excerpt (escaped: it came from outside).</summary>
internal static class RejectedHtml
{
    public static void Write(HtmlWriter html, HtmlLayout layout, RejectedView view)
    {
        if (view.Phase is { } phase)
        {
            html.Raw("<p class=\"meta\">").Text("Only deliveries meant for phase " + phase + " · ").Link(layout.Path("/rejected"), "all phases").Raw("</p>");
        }

        if (view.Messages.Count == 0)
        {
            html.Raw("<p>No rejected message.</p>");
            return;
        }

        WriteTable(html, view.Messages, "Latest rejected deliveries, newest first");
    }

    public static void WriteTable(HtmlWriter html, IReadOnlyList<RejectedRow> rows, string caption)
    {
        html.Raw("<table><caption>").Text(caption).Raw("</caption><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">Message id</th>")
            .Raw("<th scope=\"col\">Reason</th><th scope=\"col\">Phase</th><th scope=\"col\">Run key</th><th scope=\"col\">Processor as sent</th><th scope=\"col\">Excerpt</th></tr></thead><tbody>");
        foreach (var m in rows)
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td><code>").Text(m.MessageId).Raw("</code></td><td>").Text(m.Reason)
                .Raw("</td><td>").Text(m.Phase).Raw("</td><td>").Text(m.RunKey).Raw("</td><td><code>").Text(m.Processor is null ? null : "'" + m.Processor + "'")
                .Raw("</code></td><td><pre>").Text(m.Excerpt).Raw("</pre></td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
