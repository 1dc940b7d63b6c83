using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Project;
using Pax.Analyzers.Terraform;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// PAX001-PAX004 in the deployment scripts and CI files given as AdditionalFiles: shell scripts (<c>*.sh</c>,
/// <c>*.bash</c>), Dockerfile <c>RUN</c> instructions, GitHub Actions workflows (<c>.github/workflows/*.yml</c>, their
/// <c>run:</c> steps) and Cloud Build configs (<c>cloudbuild*.yaml</c>, and the configs a script writes that the
/// project submits): gcloud commands for Scheduler jobs, push subscriptions, Eventarc triggers, function deploys and
/// IAM grants. The project is one deployment unit: a grant, public deploy or deployed target in any of these files
/// counts for the invocations in any other, and so do the grants of the project's Terraform modules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcloudScriptAnalyzer : DeploymentAnalyzer
{
    /// <summary>Initializes the analyzer, which also reports PAX001 and PAX003 at compilation end (in configs a script writes).</summary>
    public GcloudScriptAnalyzer()
        : base(RuleDescriptors.OidcTokenToGoogleApiAtEnd, RuleDescriptors.OAuthTokenToCloudRunAtEnd)
    {
    }

    /// <inheritdoc />
    protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var options = start.Options;
        if (!options.AdditionalFiles.Any(file => DeploymentFiles.IsScriptOrPipeline(DeploymentFiles.KindOf(file, options))))
        {
            return;
        }

        var files = new ConcurrentBag<DeploymentFile>();
        start.RegisterAdditionalFileAction(file => AnalyzeFile(file, files));
        start.RegisterCompilationEndAction(end =>
        {
            var project = ProjectDeployment.From(files);
            var unitDiagnostics = project.UnitDiagnostics().ToList();
            if (unitDiagnostics.Count > 0 && options.AdditionalFiles.Any(file => TerraformAnalyzer.IsTerraform(file.Path)))
            {
                // Only on this path, which a correct project does not take: what the project's Terraform grants.
                project.Unit.AddGrants(TerraformAnalyzer.Grants(options.AdditionalFiles, end.CancellationToken));
                unitDiagnostics = project.UnitDiagnostics().ToList();
            }

            foreach (var diagnostic in Once(project.ConfigFindings.Concat(unitDiagnostics)))
            {
                end.ReportDiagnostic(diagnostic);
            }
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, ConcurrentBag<DeploymentFile> files)
    {
        var kind = DeploymentFiles.KindOf(context.AdditionalFile, context.Options);
        if (!DeploymentFiles.IsScriptOrPipeline(kind) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text
            || DeploymentFileReader.Read(context.AdditionalFile.Path, kind, text) is not { } file)
        {
            return;
        }

        foreach (var diagnostic in Once(file.Facts.Findings.Select(f => f.ToDiagnostic())))
        {
            if (!file.Suppressions.IsSuppressed(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        files.Add(file);
    }

    /// <summary>
    /// Each diagnostic once: a YAML alias (<c>args: *deploy</c>) repeats a command where it is written once. By rule,
    /// place and message (<see cref="Diagnostic"/>'s own equality compares message arguments by reference).
    /// </summary>
    private static IEnumerable<Diagnostic> Once(IEnumerable<Diagnostic> diagnostics)
    {
        var seen = new HashSet<(string, string?, TextSpan, string)>();
        return diagnostics.Where(d => seen.Add((d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan, d.GetMessage(CultureInfo.InvariantCulture))));
    }
}
