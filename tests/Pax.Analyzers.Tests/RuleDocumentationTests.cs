using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pax.Analyzers.Tests;

public sealed class RuleDocumentationTests
{
    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct().Order())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Every_analyzer_is_found() =>
        Assert.Equal(
            ["CSharpDeploymentAnalyzer", "GcloudScriptAnalyzer", "TerraformAnalyzer"],
            Analyzers().Select(a => a.GetType().Name).Order());

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_rule_links_its_doc_page_and_the_page_exists(string id)
    {
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(RuleIds.GetHelpUri(id) ?? string.Empty, descriptor.HelpLinkUri);
        }

        var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ":", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it finds", "## Why it matters", "## How to fix", "### C#", "### gcloud", "### Terraform", "## Suppression", "## Known limitations", "## Google's pages" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("# pax-ignore: " + id, text, StringComparison.Ordinal);
        Assert.Contains("https://cloud.google.com/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--allow-unauthenticated as a fix", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_description_says_why_the_fix_and_where_the_page_is_and_the_page_gives_the_same_fix(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md")).ReplaceLineEndings("\n");
        var howToFix = page[page.IndexOf("\n## How to fix\n", StringComparison.Ordinal)..];
        howToFix = howToFix[..howToFix.IndexOf("\n### ", StringComparison.Ordinal)];
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            var fixAt = description.IndexOf(" " + RuleDescriptors.FixLead, StringComparison.Ordinal);
            Assert.True(fixAt > 40, $"{id}'s description does not say why before the fix: {description}");
            var pageAt = description.IndexOf(" Details and examples: ", fixAt, StringComparison.Ordinal);
            Assert.True(pageAt > fixAt, $"{id}'s description does not name its page: {description}");
            Assert.EndsWith($" docs/rules/{id}.md, shipped inside the Pax packages that carry this analyzer.", description, StringComparison.Ordinal);

            // The page's "How to fix" opens with the description's fix, word for word, so the two cannot drift.
            var fix = description[(fixAt + 1)..pageAt];
            Assert.Contains("\n> " + fix + "\n", howToFix, StringComparison.Ordinal);
            Assert.DoesNotContain("`", description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("PAX001", "OAuth access token", "https://www.googleapis.com/auth/cloud-platform")]
    [InlineData("PAX002", "roles/run.invoker", "roles/run.jobsExecutorWithOverrides")]
    [InlineData("PAX003", "OIDC ID token", "audience")]
    [InlineData("PAX004", "OAuth access token", "OIDC ID token")]
    public void Every_fix_names_what_to_send_or_grant(string id, string first, string second)
    {
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            var fix = description[description.IndexOf(RuleDescriptors.FixLead, StringComparison.Ordinal)..];
            Assert.Contains(first, fix, StringComparison.Ordinal);
            Assert.Contains(second, fix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_a_repository_address_no_rule_has_a_help_link()
    {
        // This test project builds Pax.Analyzers without RepositoryUrl (Directory.Build.props leaves it empty): a
        // help link would have to be guessed, so there is none. With -p:RepositoryUrl=… the packaged analyzer links
        // {RepositoryUrl}/blob/main/docs/rules/{id}.md (checked end to end in Pax.PackageTests).
        Assert.Equal(string.Empty, RuleIds.HelpBaseUri);
        Assert.Null(RuleIds.GetHelpUri(RuleIds.OidcTokenToGoogleApi));
        Assert.All(AllDescriptors(), d => Assert.Equal(string.Empty, d.HelpLinkUri));
    }

    [Fact]
    public void The_rules_readme_documents_suppression_and_configuration_files()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", "README.md"));
        foreach (var expected in new[] { "## Suppression", "# pax-ignore: ", "# pax-ignore-file: ", "// pax-ignore: ", "#pragma warning disable", "SuppressMessage", ".globalconfig", ".editorconfig" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_rule_is_in_the_rules_table_and_the_release_tracking(string id)
    {
        var root = RepositoryRoot();
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(root, "docs", "rules", "README.md")), StringComparison.Ordinal);
        var releases = File.ReadAllText(Path.Combine(root, "analyzers", "Pax.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(root, "analyzers", "Pax.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | Reliability | Warning |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixers_use_the_analyzer_rule_ids()
    {
        Assert.Equal([RuleIds.OidcTokenToGoogleApi], new CodeFixes.UseOAuthTokenFixer().FixableDiagnosticIds);
        Assert.Equal([RuleIds.OAuthTokenToCloudRun], new CodeFixes.UseOidcTokenFixer().FixableDiagnosticIds);
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() => Analyzers().SelectMany(a => a.SupportedDiagnostics);

    /// <summary>The repository root (the folder of Pax.sln above the test's output).</summary>
    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pax.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
    }
}
