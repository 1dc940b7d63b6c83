using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.CodeFixes;
using Pax.Analyzers.CSharp;

namespace Pax.Analyzers.Tests;

/// <summary>The analyzer assemblies expose only what a user needs: the analyzers and the code fixes.</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Analyzer_assemblies_expose_only_analyzers_and_code_fixes()
    {
        var exposed = new[] { typeof(CSharpDeploymentAnalyzer).Assembly, typeof(UseOAuthTokenFixer).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .ToList();

        Assert.Contains(typeof(UseOidcTokenFixer), exposed);
        Assert.All(exposed, type => Assert.True(
            type.IsSealed && (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || typeof(CodeFixProvider).IsAssignableFrom(type)),
            $"{type.FullName} is public but is neither a sealed DiagnosticAnalyzer nor a sealed CodeFixProvider"));
    }
}
