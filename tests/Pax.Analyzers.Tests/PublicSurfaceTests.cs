using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.CodeFixes;
using Pax.Analyzers.CSharp;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Tests;

/// <summary>
/// The analyzer assemblies expose only what a user needs: the analyzers and the code fixes, plus the abstract base the
/// three deployment analyzers share (a public analyzer cannot derive from an internal class).
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Analyzer_assemblies_expose_only_analyzers_and_code_fixes()
    {
        var exposed = new[] { typeof(CSharpDeploymentAnalyzer).Assembly, typeof(UseOAuthTokenFixer).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type != typeof(DeploymentAnalyzer))
            .ToList();

        Assert.Contains(typeof(UseOidcTokenFixer), exposed);
        Assert.True(typeof(DeploymentAnalyzer).IsAbstract);
        Assert.Empty(typeof(DeploymentAnalyzer).GetConstructors());
        Assert.All(exposed, type => Assert.True(
            type.IsSealed && (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || typeof(CodeFixProvider).IsAssignableFrom(type)),
            $"{type.FullName} is public but is neither a sealed DiagnosticAnalyzer nor a sealed CodeFixProvider"));
    }
}
