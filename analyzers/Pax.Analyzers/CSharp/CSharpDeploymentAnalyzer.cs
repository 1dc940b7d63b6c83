using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// PAX001-PAX003 in C#: Cloud Scheduler HTTP targets and Pub/Sub push configs built with Google's client libraries or
/// Pulumi.Gcp (object initializers and simple assignments), and <c>roles/run.invoker</c> grants (Pulumi IAM
/// members/bindings, IAM policy bindings). The project is one deployment unit. The types are found by metadata name
/// once per compilation; a project that references none of them costs nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CSharpDeploymentAnalyzer : DiagnosticAnalyzer
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
            if (CSharpDeploymentTypes.Create(start.Compilation) is not { } types)
            {
                return;
            }

            var collector = new CSharpDeploymentCollector(types);
            start.RegisterOperationAction(collector.AnalyzeAssignment, OperationKind.SimpleAssignment);
            if (types.IamPolicy is not null)
            {
                start.RegisterOperationAction(collector.AnalyzeInvocation, OperationKind.Invocation);
            }

            start.RegisterCompilationEndAction(collector.ReportMissingGrants);
        });
    }
}
