using System.Globalization;
using System.Net;
using System.Text;
using Pax.Collection.Runs;

namespace Pax.Collection.Internal.Reports;

/// <summary>
/// Renders <c>report.html</c>: the slot's snapshots as a thumbnail grid (camera name, outcome, age), cameras that
/// were not stored first. Images are linked relatively, so the page works wherever the slot folder is opened.
/// </summary>
internal static class ReportHtmlPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;background:#fafafa;color:#222}
        h1{font-size:1.3rem;margin:0 0 .3rem}.meta{color:#555;margin:0 0 1rem}
        table.counts{border-collapse:collapse;margin:0 0 1.2rem}.counts td,.counts th{border:1px solid #ddd;padding:.2rem .6rem;text-align:right}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.8rem}
        .card{background:#fff;border:1px solid #ddd;border-radius:6px;overflow:hidden;font-size:.85rem}
        .card img{width:100%;aspect-ratio:352/240;object-fit:cover;display:block;background:#eee}
        .card .none{width:100%;aspect-ratio:352/240;display:flex;align-items:center;justify-content:center;background:#eee;color:#888}
        .card div.t{padding:.4rem .5rem}.name{font-weight:600}.reason{color:#a33}
        .o{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.75rem}
        .stored,.already_stored{background:#2a7}.offline,.stale,.missing_from_api,.rejected{background:#888}.invalid,.failed,.timed_out{background:#c33}.cancelled{background:#c80}
        .bad{color:#c33;font-weight:600}.ok{color:#2a7;font-weight:600}
        """;

    public static string Render(CollectionReport report)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pax snapshots ")
            .Append(Encode(Format(report.Slot))).Append("</title><style>").Append(Style).Append("</style></head><body>");
        AppendSummary(html, report);
        html.Append("<div class=\"grid\">");
        foreach (var camera in report.Cameras.OrderBy(c => c.IsStored).ThenBy(c => c.Outcome).ThenBy(c => c.CameraName, StringComparer.Ordinal))
        {
            AppendCard(html, camera, report.Slot);
        }

        return html.Append("</div></body></html>\n").ToString();
    }

    private static void AppendSummary(StringBuilder html, CollectionReport report)
    {
        var verdict = report.Cancelled ? "<span class=\"bad\">cancelled before it finished</span>"
            : report.Succeeded ? "<span class=\"ok\">succeeded</span>" : "<span class=\"bad\">under the floor</span>";
        html.Append("<h1>Slot ").Append(Encode(Format(report.Slot))).Append("</h1><p class=\"meta\">")
            .Append(Encode(report.Selection)).Append(" · task ").Append(report.Task.Index).Append(" of ").Append(report.Task.Count)
            .Append(" · ").Append(Encode(report.Sink)).Append(" · ")
            .Append(report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s · stored ratio ")
            .Append(report.StoredRatio.ToString("0.000", CultureInfo.InvariantCulture)).Append(" (floor ")
            .Append(report.MinStoredRatio.ToString("0.00", CultureInfo.InvariantCulture)).Append("), ").Append(verdict)
            .Append("</p><table class=\"counts\"><tr>");
        var kinds = Enum.GetValues<CameraOutcomeKind>();
        foreach (var kind in kinds)
        {
            html.Append("<th>").Append(ReportWireNames.Of(kind).Replace('_', ' ')).Append("</th>");
        }

        html.Append("</tr><tr>");
        foreach (var kind in kinds)
        {
            html.Append("<td>").Append(report.Count(kind)).Append("</td>");
        }

        html.Append("</tr></table>");
    }

    private static void AppendCard(StringBuilder html, CameraOutcome camera, DateTimeOffset slot)
    {
        var wire = ReportWireNames.Of(camera.Outcome);
        html.Append("<div class=\"card\">");
        if (camera.IsStored && camera.ObjectName is { } objectName)
        {
            var file = objectName[(objectName.LastIndexOf('/') + 1)..];
            html.Append("<a href=\"").Append(Encode(file)).Append("\"><img loading=\"lazy\" src=\"").Append(Encode(file))
                .Append("\" alt=\"").Append(Encode(camera.CameraName)).Append("\"></a>");
        }
        else
        {
            html.Append("<div class=\"none\">no image</div>");
        }

        html.Append("<div class=\"t\"><div class=\"name\">").Append(Encode(camera.CameraName)).Append("</div><span class=\"o ")
            .Append(wire).Append("\">").Append(wire.Replace('_', ' ')).Append("</span>");
        if (camera.FetchedAt is { } fetched)
        {
            html.Append(" fetched ").Append(Encode(FormatAge(fetched - slot))).Append(" into the slot");
        }

        if (camera.Reason is { } reason)
        {
            html.Append("<div class=\"reason\">").Append(Encode(reason)).Append("</div>");
        }

        html.Append("</div></div>");
    }

    private static string FormatAge(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1)
            ? $"{age.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"
            : $"{(int)age.TotalMinutes} min {age.Seconds} s";

    private static string Format(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
