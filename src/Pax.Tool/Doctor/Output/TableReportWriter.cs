using Pax.Tool.Doctor.Findings;
using Spectre.Console;

namespace Pax.Tool.Doctor.Output;

/// <summary>Writes the report as tables grouped by severity, each finding with the gcloud command that fixes it.</summary>
internal static class TableReportWriter
{
    public static void Write(DoctorReport report, ToolConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = 240;
        }

        ansi.Write(new Rule($"pax doctor · project {Markup.Escape(report.Project)}").LeftJustified());
        foreach (var group in report.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            var table = new Table().Title($"{JsonReportWriter.SeverityName(group.Key)}s ({group.Count()})").Expand();
            table.AddColumns("rule", "resource", "target / member", "problem and fix");
            foreach (var finding in group)
            {
                table.AddRow(
                    new Text(finding.Id),
                    new Text(finding.Resource),
                    new Text(finding.Member is null ? finding.Target : $"{finding.Target}\n{finding.Member}"),
                    new Text($"{finding.Message}\nfix: {finding.Fix}{string.Concat(finding.Evidence.Select(e => "\nseen: " + e))}"));
            }

            ansi.Write(table);
        }

        if (report.Incomplete.Count > 0)
        {
            var table = new Table().Title($"not checked ({report.Incomplete.Count})").Expand();
            table.AddColumns("api", "location", "reason");
            foreach (var gap in report.Incomplete)
            {
                table.AddRow(new Text(gap.Api), new Text(gap.Location), new Text(gap.Reason));
            }

            ansi.Write(table);
        }

        var c = report.Checked;
        ansi.WriteLine(
            $"checked: {c.SchedulerJobs} scheduler job(s), {c.PushSubscriptions} push subscription(s) of {c.Subscriptions}, {c.EventarcTriggers} Eventarc trigger(s) "
            + $"({c.EventarcManagedSubscriptions} managed subscription(s) checked on their trigger), {c.Services} service(s), {c.Jobs} job(s) "
            + $"and {c.Functions} Cloud Function(s) in {c.Regions} region(s); project IAM policy {(c.ProjectIamPolicy == 1 ? "read" : "not read")}, "
            + $"{c.AncestorIamPolicies} folder/organization IAM policy(ies); live state of {c.LiveEvidence} resource(s).");
        ansi.WriteLine(report.Findings.Count == 0 && report.Incomplete.Count == 0 ? "No findings." : $"{report.Findings.Count} finding(s), {report.Incomplete.Count} check(s) incomplete.");
    }
}
