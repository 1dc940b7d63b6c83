using System.Globalization;
using Pax.Collection.Runs;
using Spectre.Console;

namespace Pax.Collector.Job.Console;

/// <summary>What a person at a terminal sees: a live progress bar while cameras complete, then a summary table.</summary>
public sealed class TerminalDisplay(IAnsiConsole console)
{
    private const int MaxProblemRows = 25;

    /// <summary>Runs <paramref name="run"/> under a live progress bar fed by the progress callback it is given.</summary>
    /// <param name="run">The run; it receives the progress callback to pass to the collection request.</param>
    /// <returns>The run's report.</returns>
    public Task<CollectionReport> ShowProgressAsync(Func<IProgress<CollectionProgress>, Task<CollectionReport>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Collecting snapshots", maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Completed;
                    task.Description = $"Collecting snapshots ({p.Completed}/{p.Total})";
                });
                var report = await run(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return report;
            });
    }

    /// <summary>Prints the closing summary: counts per outcome, ratio, timing, where the report is, and the cameras not stored.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="reportLocation">Where <c>report.html</c> was written.</param>
    public void ShowSummary(CollectionReport report, string reportLocation)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = new Table().Border(TableBorder.Rounded).Title($"Slot {report.Slot.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            .AddColumn("Outcome").AddColumn(new TableColumn("Cameras").RightAligned());
        foreach (var kind in Enum.GetValues<CameraOutcomeKind>())
        {
            counts.AddRow(kind.ToString(), report.Count(kind).ToString(CultureInfo.InvariantCulture));
        }

        console.Write(counts);
        var verdict = report.Cancelled ? "[red]cancelled before it finished[/]"
            : report.Succeeded ? "[green]succeeded[/]" : "[red]under the floor: the task exits 1 so Cloud Run retries it[/]";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Stored ratio {report.StoredRatio:0.000} (floor {report.MinStoredRatio:0.00}) in {report.Duration.TotalSeconds:0.0} s: {verdict}"));

        var problems = report.Cameras.Where(c => !c.IsStored && c.Outcome != CameraOutcomeKind.Offline).Take(MaxProblemRows).ToList();
        if (problems.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("Camera").AddColumn("Outcome").AddColumn("Reason");
            foreach (var camera in problems)
            {
                table.AddRow(Markup.Escape(camera.CameraName), camera.Outcome.ToString(), Markup.Escape(camera.Reason ?? string.Empty));
            }

            console.Write(table);
        }

        console.MarkupLine($"Report: [link]{Markup.Escape(reportLocation)}[/]");
    }

    private sealed class SynchronousProgress(Action<CollectionProgress> onReport) : IProgress<CollectionProgress>
    {
        private readonly Lock _gate = new();

        public void Report(CollectionProgress value)
        {
            lock (_gate)
            {
                onReport(value);
            }
        }
    }
}
