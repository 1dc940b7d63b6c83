using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Tests.Support;

/// <summary>
/// Runs analyzers over a project of one empty class and the given AdditionalFiles, in the order given and without
/// concurrency, so a test controls the order in which the analyzers see the files.
/// </summary>
internal static class ProjectAnalysis
{
    /// <summary>Every diagnostic, as <c>ID path(line,column): message</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> DiagnosticsAsync(IEnumerable<(string Path, string Content)> files, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = CSharpCompilation.Create(
            "Project",
            [CSharpSyntaxTree.ParseText("internal static class Program { }", cancellationToken: TestContext.Current.CancellationToken)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additionalFiles = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Content)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([.. analyzers], options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition}): {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The diagnostics <paramref name="analyzer"/> reports only when the whole compilation is analyzed, that is from its
    /// compilation end actions: everything it reports, less what analyzing each file on its own (as an IDE does for an
    /// open document) reports.
    /// </summary>
    public static async Task<IReadOnlyList<Diagnostic>> CompilationEndDiagnosticsAsync(
        IEnumerable<string> sources, IEnumerable<(string Path, string Content)> files, DiagnosticAnalyzer analyzer)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var compilation = CSharpCompilation.Create(
            "Project",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, cancellationToken: cancellation)),
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additionalFiles = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Content)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        var local = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in additionalFiles)
        {
            var result = await withAnalyzers.GetAnalysisResultAsync(file, cancellation);
            local.UnionWith(result.GetAllDiagnostics().Select(Key));
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            local.UnionWith((await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellation)).Select(Key));
            local.UnionWith((await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellation)).Select(Key));
        }

        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation)).Where(d => !local.Contains(Key(d))).ToList();

        static string Key(Diagnostic d) => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class InMemoryAdditionalText(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
