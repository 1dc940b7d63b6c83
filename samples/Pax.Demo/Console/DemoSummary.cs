using System.Globalization;
using Pax.Demo.Pipeline;
using Pax.Demo.Tracing;
using Pax.Processor.Telemetry;
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

    /// <summary>
    /// Prints the slot's trace as a tree: the slot, each collector task (phase 1's processors) with its report's publish and
    /// intake, the tally, the trigger and the next phase, whose own report leads to phase 2's trigger and the last phase.
    /// Spans of one name without children (a task's cameras) are one line with their count.
    /// </summary>
    /// <param name="outcome">The run's outcome.</param>
    /// <param name="exportedTo">Where the spans were also sent over OTLP, or <see langword="null"/> when not.</param>
    public void ShowTrace(DemoOutcome outcome, string? exportedTo)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Trace is not { } root)
        {
            return;
        }

        var tree = new Tree(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Trace {outcome.TraceId}: {root.Count} spans")));
        AddChildren(tree.AddNode(Line(root)), root.Children);
        console.MarkupLine("[bold]The slot's trace[/] (one trace, both phases: phase, processor, trigger, next phase)");
        console.Write(tree);
        console.MarkupLine(exportedTo is null
            ? $"  Send it to an OpenTelemetry collector: {OtlpExport.EndpointVariable}=http://localhost:4317 dotnet run --project samples/Pax.Demo"
            : $"  Exported over OTLP to {Markup.Escape(exportedTo)}.");
    }

    private static void AddChildren(IHasTreeNodes parent, IReadOnlyList<TraceNode> children)
    {
        var repeated = children.Where(c => c.Children.Count == 0).GroupBy(c => c.Name).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList());
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (child.Children.Count == 0 && repeated.TryGetValue(child.Name, out var same))
            {
                if (shown.Add(child.Name))
                {
                    parent.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{child.Name} ×{same.Count}")) + $" [grey]longest {Milliseconds(same.Max(s => s.Duration))}[/]");
                }

                continue;
            }

            AddChildren(parent.AddNode(Line(child)), child.Children);
        }
    }

    private static string Line(TraceNode node) =>
        Markup.Escape(node.Label is null ? node.Name : $"{node.Name} ({node.Label})") + $" [grey]{Milliseconds(node.Duration)}[/]";

    private static string Milliseconds(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.0} ms");

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
