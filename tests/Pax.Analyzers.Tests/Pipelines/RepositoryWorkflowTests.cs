using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Pipelines;

/// <summary>
/// This repository's own workflows (<c>.github/workflows/*.yml</c>, such as release.yml) read as a project that carries
/// Pax.Analyzers reads them: a project at the repository root, or one that adds them as AdditionalFiles, gets no finding.
/// </summary>
public sealed class RepositoryWorkflowTests
{
    [Fact]
    public async Task The_repository_workflows_give_no_finding()
    {
        var folder = Path.Combine(RuleDocumentationTests.RepositoryRoot(), ".github", "workflows");
        var workflows = Directory.GetFiles(folder, "*.yml").Concat(Directory.GetFiles(folder, "*.yaml")).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(workflows, w => Path.GetFileName(w) == "release.yml");

        var test = Verify.ForFiles([.. workflows.Select(w => (".github/workflows/" + Path.GetFileName(w), File.ReadAllText(w)))]);
        await Verify.RunAsync(test);   // no markup: any diagnostic fails the test
    }
}
