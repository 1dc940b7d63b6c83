using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Project;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// PAX001-PAX004 in the deployment scripts and CI files given as AdditionalFiles: shell scripts (<c>*.sh</c>,
/// <c>*.bash</c>), Dockerfile <c>RUN</c> instructions, GitHub Actions workflows (<c>.github/workflows/*.yml</c>, their
/// <c>run:</c> steps) and Cloud Build configs (<c>cloudbuild*.yaml</c>, and the configs a script writes that the
/// project submits): gcloud commands for Scheduler jobs, push subscriptions, Eventarc triggers, function deploys and
/// IAM grants. The project is one deployment unit: a grant, public deploy or deployed target in any of these files
/// counts for the invocations in any other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcloudScriptAnalyzer : DeploymentAnalyzer
{
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
            foreach (var diagnostic in project.ConfigFindings.Concat(project.UnitDiagnostics()))
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

        foreach (var finding in file.Facts.Findings)
        {
            var diagnostic = finding.ToDiagnostic();
            if (!file.Suppressions.IsSuppressed(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        files.Add(file);
    }
}
