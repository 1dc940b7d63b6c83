using System.Globalization;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>The phases page: per phase, its newest run keys as rows and its processors as cells (state as text and colour).</summary>
internal static class PhasesHtml
{
    public static void Write(HtmlWriter html, HtmlLayout layout, PhasesView view)
    {
        if (view.Phases.Count == 0)
        {
            html.Raw("<p>No phase is configured (Pax:Orchestration:Phases), or Pax.Orchestration is not registered.</p>");
        }

        foreach (var phase in view.Phases)
        {
            html.Raw("<section").Attribute("aria-labelledby", "phase-" + phase.Name).Raw("><h2").Attribute("id", "phase-" + phase.Name).Raw(">")
                .Text("Phase " + phase.Name).Raw("</h2><p class=\"meta\">");
            var expected = phase.Processors.Count > 0 ? phase.Processors.Count : phase.ExpectedCount ?? 0;
            html.Text($"Needs {phase.RequiredSuccesses} of {expected} processors · next: {phase.Trigger.Kind} {phase.Trigger.Target}");
            if (phase.ExpectedFrom is { } from)
            {
                html.Text(" · expected run keys from ").Time(from);
            }

            if (phase.RejectedUnavailable is { } unavailable)
            {
                html.Text(" · rejections: unavailable (" + unavailable + ")").Raw("</p>");
            }
            else
            {
                html.Text(" · ").Link(layout.Path("/rejected") + "?phase=" + Uri.EscapeDataString(phase.Name), RejectedCount(phase.RejectedLast24Hours)).Raw("</p>");
            }

            WriteTable(html, layout, phase);
            if (phase.NextPage is { } next)
            {
                html.Link(layout.Path("/") + "?phase=" + Uri.EscapeDataString(phase.Name) + "&after=" + Uri.EscapeDataString(next) + layout.FilterSuffix, "Older run keys of " + phase.Name + " →");
            }

            html.Raw("</section>");
        }
    }

    internal static void WriteTable(HtmlWriter html, HtmlLayout layout, PhaseView phase)
    {
        if (phase.RunKeys.Count == 0)
        {
            html.Raw(layout.FilterSuffix.Length > 0 ? "<p>No run key matches the filter.</p>" : "<p>No run key recorded yet.</p>");
            return;
        }

        // A phase wider than the narrow layout (up to 10,000) is counted, not drawn a column per processor.
        var named = phase.Processors.Count is > 0 and <= CompletionLimits.MaxNarrowFanIn;
        html.Raw("<table><caption>").Text("Latest run keys of " + phase.Name).Raw("</caption><thead><tr><th scope=\"col\">Run key</th><th scope=\"col\">State</th><th scope=\"col\">Succeeded</th>");
        foreach (var processor in named ? phase.Processors : [])
        {
            html.Raw("<th scope=\"col\">").Text(processor).Raw("</th>");
        }

        if (!named)
        {
            html.Raw("<th scope=\"col\">Processors</th>");
        }

        html.Raw("<th scope=\"col\">First report</th><th scope=\"col\">Triggered</th></tr></thead><tbody>");
        foreach (var row in phase.RunKeys)
        {
            html.Raw("<tr><th scope=\"row\">").Link(layout.Path("/phases/" + Uri.EscapeDataString(phase.Name) + "/" + Uri.EscapeDataString(row.RunKey)), row.RunKey).Raw("</th><td>");
            StateBadges(html, row);
            html.Raw("</td><td class=\"num\">").Text(string.Create(CultureInfo.InvariantCulture, $"{row.Succeeded} of {row.RequiredSuccesses}")).Raw("</td>");
            if (named)
            {
                var cells = row.Processors.ToDictionary(c => c.Processor, StringComparer.Ordinal);
                foreach (var processor in phase.Processors)
                {
                    Cell(html, cells.GetValueOrDefault(processor) ?? new ProcessorCell(processor, "missing", null));
                }
            }
            else
            {
                html.Raw("<td>");
                foreach (var cell in row.Processors)
                {
                    html.Raw("<span").Attribute("class", "badge st-" + cell.Status).Raw(">").Text(cell.Processor + ": " + Label(cell.Status)).Raw("</span>");
                }

                if (row.Processors.Count == 0 && row.Failed > 0)
                {
                    html.Raw("<span class=\"badge st-failed\">").Text(string.Create(CultureInfo.InvariantCulture, $"{row.Failed} failed")).Raw("</span>");
                }

                html.Raw("</td>");
            }

            html.Raw("<td>");
            if (row.NobodyReported)
            {
                html.Raw("expected ");
            }

            html.Time(row.FirstReportAt ?? row.ExpectedAt).Raw("</td><td>").Time(row.TriggeredAt).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    /// <summary>
    /// The state in words; a run key whose trigger failed says <c>trigger failed</c> instead of plain <c>claimed</c>, and
    /// one with no tally but <paramref name="rejected"/> deliveries (the run key page lists them below) says
    /// <c>no report accepted — 1 rejected (below)</c> instead of <c>nobody reported</c>.
    /// </summary>
    public static void StateBadges(HtmlWriter html, RunKeyRow row, int rejected = 0)
    {
        var (kind, text) = row switch
        {
            { NobodyReported: true } when rejected > 0 => ("silent", string.Create(CultureInfo.InvariantCulture, $"no report accepted — {rejected} rejected (below)")),
            { NobodyReported: true } => ("silent", "nobody reported"),
            { LastTriggerError: not null } => ("trigger-failed", "trigger failed"),
            _ => (row.State, row.State),
        };
        html.Raw("<span").Attribute("class", "badge b-" + kind).Raw(">").Text(text).Raw("</span>");
        if (row.Overdue)
        {
            html.Raw("<span class=\"badge b-overdue\">overdue</span>");
        }
    }

    private static string RejectedCount(int count) => count switch
    {
        1 => "1 delivery rejected in the last 24 h",
        >= Completion.CompletionLimits.MaxRejectedCount => string.Create(CultureInfo.InvariantCulture, $"{count}+ deliveries rejected in the last 24 h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} deliveries rejected in the last 24 h"),
    };

    public static string Label(string status) => status switch
    {
        "succeeded" => "✓ succeeded",
        "failed" => "✗ failed",
        _ => "– missing",
    };

    private static void Cell(HtmlWriter html, ProcessorCell cell)
    {
        html.Raw("<td").Attribute("class", "st-" + cell.Status).Raw(">").Text(Label(cell.Status)).Raw("</td>");
    }
}
