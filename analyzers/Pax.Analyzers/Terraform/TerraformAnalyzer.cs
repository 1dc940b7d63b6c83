using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// PAX001-PAX003 in Terraform files (<c>*.tf</c>) given as AdditionalFiles: Cloud Scheduler jobs, Pub/Sub push
/// subscriptions, Eventarc triggers, event-triggered functions and IAM grants. A module (the <c>.tf</c> files of one
/// folder) is one deployment unit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TerraformAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RuleDescriptors.OidcTokenToGoogleApi, RuleDescriptors.MissingInvokerGrant, RuleDescriptors.OAuthTokenToCloudRun);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AdditionalFiles.Any(file => IsTerraform(file.Path)))
            {
                return;
            }

            var modules = new ConcurrentDictionary<string, ConcurrentBag<DeploymentUnit>>(StringComparer.Ordinal);
            start.RegisterAdditionalFileAction(file => AnalyzeFile(file, modules));
            start.RegisterCompilationEndAction(end => ReportMissingGrants(end, modules));
        });
    }

    /// <summary>Whether the analyzer reads <paramref name="path"/>.</summary>
    internal static bool IsTerraform(string path) => path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, ConcurrentDictionary<string, ConcurrentBag<DeploymentUnit>> modules)
    {
        var path = context.AdditionalFile.Path;
        if (!IsTerraform(path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var findings = new List<TokenFinding>();
        var unit = new DeploymentUnit();
        TerraformDeploymentReader.Read(
            TerraformReader.Read(text.ToString()),
            span => Location.Create(path, span, text.Lines.GetLinePositionSpan(span)),
            findings,
            unit);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }

        if (unit.Invocations.Count > 0 || unit.Grants.Count > 0)
        {
            modules.GetOrAdd(ModuleOf(path), _ => []).Add(unit);
        }
    }

    private static void ReportMissingGrants(CompilationAnalysisContext context, ConcurrentDictionary<string, ConcurrentBag<DeploymentUnit>> modules)
    {
        foreach (var files in modules.Values)
        {
            var module = new DeploymentUnit();
            foreach (var file in files)
            {
                module.AddRange(file);
            }

            foreach (var invocation in module.UngrantedInvocations())
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.MissingInvokerGrant, invocation.Location, invocation.Source, invocation.Target, invocation.DescribeCaller()));
            }
        }
    }

    private static string ModuleOf(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        return directory.Replace('\\', '/').TrimEnd('/');
    }
}
