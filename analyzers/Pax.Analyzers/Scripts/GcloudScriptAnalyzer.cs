using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// PAX001-PAX003 in shell scripts (<c>*.sh</c>, <c>*.bash</c>) and Dockerfile <c>RUN</c> instructions given as
/// AdditionalFiles: gcloud commands for Scheduler jobs, push subscriptions, Eventarc triggers, function deploys and
/// IAM grants. A script is one deployment unit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcloudScriptAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RuleDescriptors.OidcTokenToGoogleApi, RuleDescriptors.MissingInvokerGrant, RuleDescriptors.OAuthTokenToCloudRun);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    /// <summary>Whether the analyzer reads <paramref name="path"/>.</summary>
    internal static bool IsScript(string path) =>
        path.EndsWith(".sh", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".bash", StringComparison.OrdinalIgnoreCase)
        || DockerfileShellText.IsDockerfile(path);

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!IsScript(path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var content = text.ToString();
        if (content.IndexOf("gcloud", StringComparison.Ordinal) < 0)
        {
            return;
        }

        if (DockerfileShellText.IsDockerfile(path))
        {
            content = DockerfileShellText.Extract(content);
        }

        var findings = new List<TokenFinding>();
        var unit = new DeploymentUnit();
        GcloudDeploymentReader.Read(
            ShellScriptReader.Read(content),
            span => Location.Create(path, span, text.Lines.GetLinePositionSpan(span)),
            findings,
            unit);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }

        foreach (var invocation in unit.UngrantedInvocations())
        {
            context.ReportDiagnostic(Diagnostic.Create(
                RuleDescriptors.MissingInvokerGrant, invocation.Location, invocation.Source, invocation.Target, invocation.DescribeCaller()));
        }
    }
}
