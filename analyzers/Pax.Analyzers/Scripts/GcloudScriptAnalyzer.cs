using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Suppression;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// PAX001-PAX004 in shell scripts (<c>*.sh</c>, <c>*.bash</c>) and Dockerfile <c>RUN</c> instructions given as
/// AdditionalFiles: gcloud commands for Scheduler jobs, push subscriptions, Eventarc triggers, function deploys and
/// IAM grants. A script is one deployment unit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcloudScriptAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RuleDescriptors.OidcTokenToGoogleApi, RuleDescriptors.MissingInvokerGrant, RuleDescriptors.OAuthTokenToCloudRun,
        RuleDescriptors.MissingToken);

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

        var original = text.ToString();
        var content = original;
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
        var script = ShellScriptReader.Read(content);
        GcloudDeploymentReader.Read(script, span => Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), findings, unit);
        var suppressions = InlineSuppressions.MayHaveDirectives(original)
            ? InlineSuppressions.Read(text, slashComments: false, script.ConstructEnd)
            : InlineSuppressions.None;
        foreach (var finding in findings)
        {
            Report(context, suppressions, finding.ToDiagnostic());
        }

        foreach (var diagnostic in unit.Diagnostics())
        {
            Report(context, suppressions, diagnostic);
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, InlineSuppressions suppressions, Diagnostic diagnostic)
    {
        if (!suppressions.IsSuppressed(diagnostic))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
