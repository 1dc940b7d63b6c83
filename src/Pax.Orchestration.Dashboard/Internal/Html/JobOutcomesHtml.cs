using System.Globalization;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>A job's last outcomes on the jobs page: the newest few as a list (result as text, time, duration, the error); all of them in the JSON.</summary>
internal static class JobOutcomesHtml
{
    /// <summary>How many outcomes a row shows.</summary>
    public const int Shown = 5;

    public static void Write(HtmlWriter html, IReadOnlyList<JobOutcomeView> history)
    {
        if (history.Count == 0)
        {
            html.Raw("<span class=\"none\">none yet</span>");
            return;
        }

        html.Raw("<ol class=\"outcomes\">");
        foreach (var outcome in history.Take(Shown))
        {
            var mark = outcome.Result switch
            {
                "succeeded" => "✓ succeeded",
                "failed" => "✗ failed",
                "interrupted" => "✗ interrupted",
                _ => "– skipped",
            };
            html.Raw("<li><span").Attribute("class", outcome.Result == "succeeded" ? "st-succeeded" : outcome.Result == "skipped" ? "st-missing" : "st-failed").Raw(">")
                .Text(mark).Raw("</span> ").Time(outcome.At).Raw(" · ").Text(Duration(outcome.DurationMs));
            if (outcome.Attempt > 0)
            {
                html.Raw(" · attempt ").Text(outcome.Attempt.ToString(CultureInfo.InvariantCulture));
            }

            if (outcome.Error is { } error)
            {
                html.Raw("<pre>").Text(error).Raw("</pre>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ol>");
        if (history.Count > Shown)
        {
            html.Raw("<span class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"and {history.Count - Shown} older (in the JSON)")).Raw("</span>");
        }
    }

    private static string Duration(long milliseconds) => milliseconds < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds} ms")
        : TimeSpan.FromMilliseconds(milliseconds).TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);
}
