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

    private sealed class InMemoryAdditionalText(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
