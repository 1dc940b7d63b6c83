using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Project;
using Pax.Analyzers.Suppression;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// PAX001-PAX004 in Terraform files (<c>*.tf</c>) given as AdditionalFiles: Cloud Scheduler jobs, Pub/Sub push
/// subscriptions, Eventarc triggers, event-triggered functions and IAM grants. A module (the <c>.tf</c> files of one
/// folder) is one deployment unit; the grants of the project's scripts and CI files count in every module too (the
/// module's own grants count only within it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TerraformAnalyzer : DeploymentAnalyzer
{
    /// <inheritdoc />
    protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var additionalFiles = start.Options.AdditionalFiles;
        if (!additionalFiles.Any(file => IsTerraform(file.Path)))
        {
            return;
        }

        var modules = new ConcurrentDictionary<string, Lazy<TerraformModule>>(StringComparer.Ordinal);
        var units = new ConcurrentDictionary<string, ConcurrentBag<(DeploymentUnit Unit, InlineSuppressions Suppressions, string Path)>>(StringComparer.Ordinal);
        start.RegisterAdditionalFileAction(file =>
        {
            if (!IsTerraform(file.AdditionalFile.Path))
            {
                return;
            }

            var folder = TerraformModule.FolderOf(file.AdditionalFile.Path);
            var cancellation = file.CancellationToken;
            var module = modules.GetOrAdd(folder, _ => new Lazy<TerraformModule>(() => TerraformModule.Read(
                folder, additionalFiles.Select(f => (f.Path, (Func<SourceText?>)(() => f.GetText(cancellation)))))));
            AnalyzeFile(file, module.Value, units);
        });
        start.RegisterCompilationEndAction(end => ReportMissingGrants(end, units, modules));
    }

    /// <summary>
    /// What the Terraform modules of <paramref name="files"/> grant, together: counted for the invocations of the
    /// project's scripts and CI files (a module's own invocations count its own grants and the scripts' only).
    /// </summary>
    internal static DeploymentUnit Grants(IReadOnlyList<AdditionalText> files, CancellationToken cancellationToken)
    {
        var grants = new DeploymentUnit();
        var texts = files.Select(f => (f.Path, (Func<SourceText?>)(() => f.GetText(cancellationToken)))).ToList();
        foreach (var folder in files.Where(f => IsTerraform(f.Path)).Select(f => TerraformModule.FolderOf(f.Path)).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            var module = TerraformModule.Read(folder, texts);
            foreach (var file in files.Where(f => IsTerraform(f.Path) && TerraformModule.FolderOf(f.Path) == folder).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (module.File(file.Path) is { } read)
                {
                    var unit = new DeploymentUnit();
                    TerraformDeploymentReader.Read(read, module, _ => Location.None, [], unit);
                    grants.AddGrants(unit);
                }
            }
        }

        return grants;
    }

    /// <summary>Whether the analyzer reads <paramref name="path"/>.</summary>
    internal static bool IsTerraform(string path) => path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);

    private static void AnalyzeFile(
        AdditionalFileAnalysisContext context,
        TerraformModule module,
        ConcurrentDictionary<string, ConcurrentBag<(DeploymentUnit, InlineSuppressions, string)>> units)
    {
        var path = context.AdditionalFile.Path;
        if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text || module.File(path) is not { } file)
        {
            return;
        }

        var findings = new List<TokenFinding>();
        var unit = new DeploymentUnit();
        TerraformDeploymentReader.Read(file, module, span => Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), findings, unit);
        var content = text.ToString();
        var suppressions = InlineSuppressions.MayHaveDirectives(content)
            ? InlineSuppressions.Read(text, slashComments: true, file.ConstructEnd)
            : InlineSuppressions.None;
        foreach (var finding in findings)
        {
            var diagnostic = finding.ToDiagnostic();
            if (!suppressions.IsSuppressed(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        if (unit.Invocations.Count > 0 || unit.Grants.Count > 0 || unit.DeploysAnything)
        {
            units.GetOrAdd(TerraformModule.FolderOf(path), _ => []).Add((unit, suppressions, path));
        }
    }

    private static void ReportMissingGrants(
        CompilationAnalysisContext context,
        ConcurrentDictionary<string, ConcurrentBag<(DeploymentUnit Unit, InlineSuppressions Suppressions, string Path)>> units,
        ConcurrentDictionary<string, Lazy<TerraformModule>> modules)
    {
        ProjectDeployment? scripts = null;
        foreach (var folder in units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            // In the order of their paths, not the order the compiler handed the files over in.
            var files = folder.Value.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var module = new DeploymentUnit();
            if (modules.TryGetValue(folder.Key, out var read) && read.Value.IsCalledByAnotherModule)
            {
                module.Add(new InvokerGrant(UnknownText.Value)); // the caller's grants are not followed: can't tell
            }

            foreach (var file in files)
            {
                module.AddRange(file.Unit);
            }

            var diagnostics = module.Diagnostics().ToList();
            if (diagnostics.Count > 0)
            {
                // Only on this path, which a correct project does not take: what the project's scripts and CI files grant.
                scripts ??= ProjectDeployment.Read(context.Options.AdditionalFiles, context.Options, context.CancellationToken);
                module.AddGrants(scripts.Unit);
                diagnostics = module.Diagnostics().ToList();
            }

            foreach (var diagnostic in diagnostics)
            {
                var path = diagnostic.Location.GetLineSpan().Path;
                var suppressions = files.FirstOrDefault(f => f.Path == path).Suppressions ?? InlineSuppressions.None;
                if (!suppressions.IsSuppressed(diagnostic))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
