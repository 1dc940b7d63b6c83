using Pax.Orchestration.Dashboard.Internal.Search;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The instances page: per instance, when it was last seen, the run keys whose trigger it claimed and the jobs whose lease it holds.</summary>
internal static class InstancesHtml
{
    public static void Write(HtmlWriter html, HtmlLayout layout, InstancesView view)
    {
        html.Raw("<p class=\"meta\">Instances are named <code>{K_REVISION}/{host name}/{process id}/{random}</code> on Cloud Run, <code>{host name}/{process id}</code> elsewhere; last seen is the latest claim or lease renewal.")
            .Raw(view.Truncated ? " A page was full: more claims or leases may exist than shown." : string.Empty).Raw("</p>");
        if (view.Instances.Count == 0)
        {
            html.Raw("<p>No instance holds a claim or a lease now.</p>");
            return;
        }

        foreach (var instance in view.Instances)
        {
            html.Raw("<section><h2>").Text(instance.Instance ?? "(holder not recorded)").Raw("</h2><p class=\"meta\">last seen ").Time(instance.LastSeen).Raw("</p>");
            if (instance.Claims.Count > 0)
            {
                html.Raw("<table><caption>Claimed run keys</caption><thead><tr><th scope=\"col\">Phase</th><th scope=\"col\">Run key</th><th scope=\"col\">Claimed</th><th scope=\"col\">Lease until</th></tr></thead><tbody>");
                foreach (var claim in instance.Claims)
                {
                    html.Raw("<tr><td>").Text(claim.Phase).Raw("</td><td>")
                        .Link(layout.Path("/phases/" + Uri.EscapeDataString(claim.Phase) + "/" + Uri.EscapeDataString(claim.RunKey)), claim.RunKey)
                        .Raw("</td><td>").Time(claim.ClaimedAt).Raw("</td><td>").Time(claim.ClaimedUntil)
                        .Raw(claim.LeaseEnded ? " <span class=\"badge b-overdue\">lease ended</span>" : string.Empty).Raw("</td></tr>");
                }

                html.Raw("</tbody></table>");
            }

            if (instance.Leases.Count > 0)
            {
                html.Raw("<table><caption>Running jobs</caption><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Type</th><th scope=\"col\">Lease until</th><th scope=\"col\">Last renewed</th></tr></thead><tbody>");
                foreach (var lease in instance.Leases)
                {
                    html.Raw("<tr><td>").Link(layout.Path("/jobs") + "?status=running&id=" + Uri.EscapeDataString(lease.JobId), lease.JobId)
                        .Raw("</td><td>").Text(lease.Type).Raw("</td><td>").Time(lease.LeaseUntil).Raw("</td><td>").Time(lease.LastRenewedAt).Raw("</td></tr>");
                }

                html.Raw("</tbody></table>");
            }

            html.Raw("</section>");
        }
    }
}
