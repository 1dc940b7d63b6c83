using System.IO.Compression;
using Pax.PackageTests.Support;

namespace Pax.PackageTests;

/// <summary>
/// The rule pages travel with the analyzer: every package that carries it holds <c>docs/rules/*.md</c> as in the
/// repository, where the diagnostics' descriptions send the reader (the help link, with <c>-p:RepositoryUrl</c>, opens
/// the same page in the repository: <see cref="PackagedAnalyzerTests"/>).
/// </summary>
public sealed class RulePageTests(PackedFeed feed)
{
    [Theory]
    [InlineData("Pax.Analyzers")]
    [InlineData("Pax.GoogleCloud")]
    [InlineData("Pax.Orchestration.Abstractions")]
    [InlineData("Pax.Collection")]
    [InlineData("Pax.Orchestration")]
    [InlineData("Pax.Orchestration.Dashboard")]
    public void A_package_that_carries_the_analyzer_carries_every_rule_page_as_written(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{PackedFeed.Version}.nupkg"));
        Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/Pax.Analyzers.dll");
        var pages = Directory.GetFiles(Path.Combine(PackedFeed.RepositoryRoot, "docs", "rules"), "*.md");
        Assert.Contains(pages, p => Path.GetFileName(p) == "README.md");
        foreach (var page in pages)
        {
            var entry = package.GetEntry("docs/rules/" + Path.GetFileName(page));
            Assert.True(entry is not null, $"{id} lacks docs/rules/{Path.GetFileName(page)}");
            using var reader = new StreamReader(entry.Open());
            Assert.Equal(File.ReadAllText(page), reader.ReadToEnd());
        }
    }
}
