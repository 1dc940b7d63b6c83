using System.Globalization;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>
/// The pulse page: per phase and for the scheduler, one row per counter with a sparkline of its last 24 hours. The
/// sparklines are inline SVG drawn with presentation attributes (<c>fill</c>, <c>width</c>…), never a <c>style</c>
/// attribute or a script, so the page's Content-Security-Policy stays as it is.
/// </summary>
internal static class PulseHtml
{
    private const int BarWidth = 6;
    private const int Height = 24;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["reports"] = "Reports",
        ["duplicates"] = "Duplicates",
        ["rejections"] = "Rejections",
        ["triggers"] = "Triggers",
        ["triggerFailures"] = "Trigger failures",
        ["jobsRun"] = "Jobs run",
        ["jobsFailed"] = "Jobs failed",
    };

    public static void Write(HtmlWriter html, PulseView view)
    {
        html.Raw("<p class=\"meta\">Counts per UTC hour, from ").Time(view.Hours[0]).Raw(" to now (the last bar is the current hour). Kept as hourly counters, so this page reads the same few documents however busy the day was.</p>");
        if (view.Truncated)
        {
            html.Raw("<p role=\"alert\">").Text("Some counts were cut: the store holds more pulse documents than one read returns (several orchestrators or renamed phases sharing pax_pulse). The newest hours are complete; the oldest may show low.").Raw("</p>");
        }

        if (!view.PhasesAvailable)
        {
            html.Raw("<p>No phase pulse here: the orchestrator is not registered (AddPaxOrchestration), or its store is a custom one that keeps no pulse.</p>");
        }

        foreach (var scope in view.Phases)
        {
            WriteScope(html, "Phase " + scope.Name, scope);
        }

        if (view.Scheduler is { } scheduler)
        {
            WriteScope(html, "Scheduler", scheduler);
        }
        else
        {
            html.Raw("<p>No scheduler pulse here: the scheduler is not registered (AddPaxScheduling), or its store is a custom one.</p>");
        }
    }

    private static void WriteScope(HtmlWriter html, string title, PulseScopeView scope)
    {
        html.Raw("<h2>").Text(title).Raw("</h2><table><caption>").Text(title + ", last 24 hours").Raw("</caption><thead><tr><th scope=\"col\">Counter</th>")
            .Raw("<th scope=\"col\">Per hour</th><th scope=\"col\">24 h</th><th scope=\"col\">This hour</th></tr></thead><tbody>");
        foreach (var series in scope.Series)
        {
            var label = Labels.GetValueOrDefault(series.Counter, series.Counter);
            html.Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td>");
            Sparkline(html, label, series);
            html.Raw("</td><td class=\"num\">").Text(series.Total.ToString("N0", CultureInfo.InvariantCulture))
                .Raw("</td><td class=\"num\">").Text(series.Hourly[^1].ToString("N0", CultureInfo.InvariantCulture)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    /// <summary>One bar per hour, scaled to the busiest hour; failures in red. The text alternative names the total and the peak.</summary>
    public static void Sparkline(HtmlWriter html, string label, PulseSeriesView series)
    {
        var peak = series.Hourly.Count == 0 ? 0 : series.Hourly.Max();
        var width = series.Hourly.Count * BarWidth;
        var fill = series.Counter is "rejections" or "triggerFailures" or "jobsFailed" ? "#b3261e" : "#0b5cad";
        var description = string.Create(CultureInfo.InvariantCulture, $"{label} per hour, last 24 hours: {series.Total} in all, at most {peak} in one hour");
        html.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"spark\"")
            .Attribute("width", I(width)).Attribute("height", I(Height)).Attribute("viewBox", $"0 0 {I(width)} {I(Height)}").Attribute("aria-label", description)
            .Raw("><title>").Text(description).Raw("</title>")
            .Raw("<line x1=\"0\"").Attribute("y1", I(Height - 0.5)).Attribute("x2", I(width)).Attribute("y2", I(Height - 0.5)).Raw(" stroke=\"#ccd\" stroke-width=\"1\"/>");
        for (var i = 0; i < series.Hourly.Count; i++)
        {
            if (series.Hourly[i] == 0)
            {
                continue;
            }

            // At least 2 px: an hour with one event among thousands still shows.
            var height = Math.Max(2.0, Math.Round((Height - 1) * (double)series.Hourly[i] / peak, 1));
            html.Raw("<rect").Attribute("x", I(i * BarWidth)).Attribute("y", I(Height - 1 - height)).Attribute("width", I(BarWidth - 1)).Attribute("height", I(height))
                .Attribute("fill", fill).Raw("/>");
        }

        html.Raw("</svg>");
    }

    private static string I(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
