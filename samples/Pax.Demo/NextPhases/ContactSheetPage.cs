using System.Globalization;
using System.Net;
using System.Text;

namespace Pax.Demo.NextPhases;

/// <summary>The contact sheet: one static HTML page with every snapshot of a slot as a thumbnail, linked to the full image and to the tasks' reports.</summary>
public static class ContactSheetPage
{
    /// <summary>Renders the page.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="snapshots">The snapshot file names in the slot folder (<c>{cameraId}.jpg</c>).</param>
    /// <param name="names">Camera names by camera id (the caption; the id when a name is missing).</param>
    /// <param name="reports">The reports in the slot folder (<c>report-task-{i}.html</c>).</param>
    /// <param name="processors">The processors whose completion started this phase.</param>
    /// <returns>The HTML.</returns>
    public static string Render(DateTimeOffset slot, IReadOnlyList<string> snapshots, IReadOnlyDictionary<string, string> names, IReadOnlyList<string> reports, IReadOnlyList<string> processors)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(processors);
        var title = string.Create(CultureInfo.InvariantCulture, $"Slot {slot.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {snapshots.Count} snapshots");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:1.5rem}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:.75rem}")
            .Append("figure{margin:0}img{width:100%;aspect-ratio:4/3;object-fit:cover;border-radius:4px;background:#eee}figcaption{font-size:.8rem;color:#444}</style></head>\n<body>\n")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<p>Written by the demo's second phase after ")
            .Append(WebUtility.HtmlEncode(string.Join(", ", processors))).Append(" reported. Reports: ");
        html.AppendJoin(", ", reports.Select(r => $"<a href=\"{WebUtility.HtmlEncode(r)}\">{WebUtility.HtmlEncode(r)}</a>"));
        html.Append("</p>\n<main>\n");
        foreach (var snapshot in snapshots)
        {
            var file = WebUtility.HtmlEncode(snapshot);
            var id = Path.GetFileNameWithoutExtension(snapshot);
            var caption = WebUtility.HtmlEncode(names.GetValueOrDefault(id, id));
            html.Append("<figure><a href=\"").Append(file).Append("\"><img src=\"").Append(file).Append("\" alt=\"").Append(caption).Append("\" loading=\"lazy\"></a><figcaption>")
                .Append(caption).Append("</figcaption></figure>\n");
        }

        return html.Append("</main>\n</body></html>\n").ToString();
    }
}
