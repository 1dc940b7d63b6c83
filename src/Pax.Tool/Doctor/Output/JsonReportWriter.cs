using System.Text.Json;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Output;

/// <summary>Writes the report as one JSON document.</summary>
internal static class JsonReportWriter
{
    public static async Task WriteAsync(DoctorReport report, TextWriter output, CancellationToken cancellationToken)
    {
        var document = new JsonReport(
            report.Project,
            report.Findings.Select(f => new JsonFinding(f.Id, SeverityName(f.Severity), f.Resource, f.Target, f.Member, f.Message, f.Fix, f.Evidence)).ToArray(),
            report.Incomplete,
            report.Checked);
        var json = JsonSerializer.Serialize(document, DoctorJsonContext.Default.JsonReport);
        await output.WriteLineAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}
