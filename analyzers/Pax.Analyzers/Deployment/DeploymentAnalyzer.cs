using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pax.Analyzers.Deployment;

/// <summary>
/// What Pax's three deployment analyzers (C#, Terraform, scripts and CI files) share: the four rules PAX001-PAX004, no
/// analysis of generated code, concurrent execution, and one deployment unit per compilation, started in
/// <see cref="OnCompilationStart"/>.
/// </summary>
public abstract class DeploymentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Initializes the analyzer; only Pax's own analyzers derive from this class.</summary>
    /// <param name="reportedAtCompilationEnd">The twins of PAX001 and PAX003 the analyzer reports at compilation end, if any.</param>
    private protected DeploymentAnalyzer(params DiagnosticDescriptor[] reportedAtCompilationEnd)
    {
        SupportedDiagnostics = ImmutableArray.Create(
            RuleDescriptors.OidcTokenToGoogleApi, RuleDescriptors.MissingInvokerGrant, RuleDescriptors.OAuthTokenToCloudRun,
            RuleDescriptors.MissingToken).AddRange(reportedAtCompilationEnd);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Registers the analyzer's actions for one compilation (one deployment unit).</summary>
    /// <param name="start">The compilation's start context.</param>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext start);
}
