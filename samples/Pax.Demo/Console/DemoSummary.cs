using System.Globalization;
using Pax.Demo.Pipeline;
using Spectre.Console;

namespace Pax.Demo.Console;

/// <summary>The terminal summary (Spectre.Console): what ran, in what order, how each phase ended, and where to look.</summary>
public sealed class DemoSummary(IAnsiConsole console)
{
    /// <summary>Prints the summary of a run.</summary>
    /// <param name="outcome">The run's outcome.</param>
    public void Show(DemoOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        console.Write(new Rule($"[bold]Pax demo[/]: slot {Markup.Escape(outcome.RunKey)}, offline").LeftJustified());

        var steps = new Table().Border(TableBorder.Rounded).Title("What ran, in order")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn(new TableColumn("at").RightAligned()).AddColumn("who").AddColumn("what");
        for (var i = 0; i < outcome.Steps.Count; i++)
        {
            var step = outcome.Steps[i];
            steps.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{step.Elapsed.TotalSeconds:0.00} s"),
                Markup.Escape(step.Actor),
                Markup.Escape(step.Text));
        }

        console.Write(steps);

        var phases = new Table().Border(TableBorder.Rounded).Title("Phases (SQLite tally)")
            .AddColumn("phase").AddColumn("reported").AddColumn("next phase").AddColumn(new TableColumn("started by this run").RightAligned());
        foreach (var phase in outcome.Phases)
        {
            var progress = phase.Progress;
            var next = !progress.Triggered ? "[red]not triggered[/]"
                : phase.StartsThisRun == 1 ? "[green]triggered once[/]"
                : phase.StartsThisRun == 0 ? "[green]triggered by an earlier run of this slot[/] (not again)"
                : $"[yellow]started {phase.StartsThisRun} times[/] (re-drive)";
            phases.AddRow(
                Markup.Escape(phase.Phase),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{progress.Completed.Count} of {progress.RequiredSuccesses}: {string.Join(", ", progress.Completed)}")),
                next,
                phase.StartsThisRun.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(phases);

        console.MarkupLine("[bold]Where to look[/]");
        console.MarkupLine($"  contact sheet  [link]{Markup.Escape(outcome.ContactSheet)}[/]");
        foreach (var report in outcome.Reports)
        {
            console.MarkupLine($"  task report    [link]{Markup.Escape(Path.Combine(outcome.SlotFolder, Pax.Collection.Runs.CollectionReport.GetBaseName(report.Task) + ".html"))}[/]");
        }

        console.MarkupLine($"  snapshots      {Markup.Escape(outcome.SlotFolder)} ({outcome.Snapshots.ToString(CultureInfo.InvariantCulture)} files)");
        console.MarkupLine($"  tallies        {Markup.Escape(outcome.TallyDatabase)}");
        console.MarkupLine(outcome.Succeeded
            ? $"[green]Done[/]: {outcome.Snapshots.ToString(CultureInfo.InvariantCulture)} snapshots stored, {outcome.Phases.Count.ToString(CultureInfo.InvariantCulture)} phases complete, each next phase triggered exactly once. Next: [bold]dotnet test Pax.sln[/], or add [bold]--serve[/] to keep the orchestrator's endpoints and the dashboard (/pax) up."
            : "[red]The pipeline did not complete[/]: see the steps above and the task reports.");
    }

    /// <summary>Prints where the endpoints listen.</summary>
    /// <param name="urls">The listening addresses.</param>
    public void ShowServing(IReadOnlyCollection<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.FirstOrDefault() ?? DemoSettings.DefaultUrls;
        console.MarkupLine($"[bold]Serving[/] the orchestrator on {Markup.Escape(url)} (loopback, no authentication) until Ctrl+C:");
        console.MarkupLine($"  GET  {Markup.Escape(url)}/tallies/{{phase}}/{{runKey}}   POST {Markup.Escape(url)}/   POST {Markup.Escape(url)}/watchdog   GET {Markup.Escape(url)}/healthz");
        console.MarkupLine($"  POST {Markup.Escape(url)}/cron/tick   POST {Markup.Escape(url)}/jobs   GET {Markup.Escape(url)}/jobs/{{id}}");
        console.MarkupLine($"  dashboard: {Markup.Escape(url)}/pax (phases, run keys, jobs, rejected deliveries; read-only)");
    }
}
