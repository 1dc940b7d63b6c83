namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The rejected messages page: the latest deliveries the intake acknowledged without recording, with reason and excerpt (escaped: it came from outside).</summary>
internal static class RejectedHtml
{
    public static void Write(HtmlWriter html, RejectedView view)
    {
        if (view.Messages.Count == 0)
        {
            html.Raw("<p>No rejected message.</p>");
            return;
        }

        html.Raw("<table><caption>Latest rejected deliveries, newest first</caption><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">Message id</th>")
            .Raw("<th scope=\"col\">Reason</th><th scope=\"col\">Excerpt</th></tr></thead><tbody>");
        foreach (var m in view.Messages)
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td><code>").Text(m.MessageId).Raw("</code></td><td>").Text(m.Reason).Raw("</td><td><pre>").Text(m.Excerpt).Raw("</pre></td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
