using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// PAX001-PAX004 in C#: Cloud Scheduler HTTP targets and Pub/Sub push configs built with Google's client libraries or
/// Pulumi.Gcp (object initializers and simple assignments), and <c>roles/run.invoker</c> grants (Pulumi IAM
/// members/bindings, IAM policy bindings). The project is one deployment unit. The types are found by metadata name
/// once per compilation, at the first assignment or invocation whose member name can matter; in a project that
/// references none of them every callback ends at a name comparison or a null check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CSharpDeploymentAnalyzer : DeploymentAnalyzer
{
    /// <inheritdoc />
    protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        // The types are resolved at the first assignment or invocation whose member name can matter, not here: at
        // compilation start the compiler has not built its declaration tables yet, and the first lookup by
        // metadata name would build them inside this analyzer.
        var collector = new CSharpDeploymentCollector(start.Compilation);
        start.RegisterOperationAction(collector.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(collector.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterCompilationEndAction(collector.ReportMissingGrants);
    }
}
