using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Pax.Analyzers.Tests.Support;

/// <summary>Builds analyzer tests on .NET 8 reference assemblies; diagnostics are given as markup (<c>{|PAX001:…|}</c>).</summary>
internal static class AnalyzerCase<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A test of C# <paramref name="sources"/> (markup allowed).</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> ForCode(params string[] sources)
    {
        // PAX001 and PAX003 have a second descriptor tagged CompilationEnd (RuleDescriptors.AtCompilationEnd): markup
        // names the rule, whose message and severity both share.
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferenceAssemblies.Net80,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test;
    }

    /// <summary>A test of AdditionalFiles (path, content with markup) in a project with one empty class.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> ForFiles(params (string Path, string Content)[] files)
    {
        var test = ForCode("internal static class Program { }");
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Content));
        }

        return test;
    }

    /// <summary>Runs a test that expects what its markup says.</summary>
    public static Task RunAsync(Microsoft.CodeAnalysis.Testing.AnalyzerTest<DefaultVerifier> test) => test.RunAsync(TestContext.Current.CancellationToken);
}
