using System.IO.Compression;
using System.Xml.Linq;
using Pax.PackageTests.Support;

namespace Pax.PackageTests;

/// <summary>What <c>dotnet pack</c> put in the feed: every package and nothing else, each as a user needs it.</summary>
public sealed class PackageContentTests(PackedFeed feed)
{
    private static readonly string[] Libraries = ["Pax.GoogleCloud", "Pax.Orchestration.Abstractions", "Pax.Collection", "Pax.Orchestration", "Pax.Orchestration.Dashboard"];

    [Fact]
    public void The_feed_holds_every_package_and_nothing_else()
    {
        var files = Directory.GetFiles(feed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        string[] expected =
        [
            .. Libraries.SelectMany(p => new[] { $"{p}.{PackedFeed.Version}.nupkg", $"{p}.{PackedFeed.Version}.snupkg" }),
            $"Pax.Analyzers.{PackedFeed.Version}.nupkg",
            $"Pax.CameraSimulator.{PackedFeed.Version}.nupkg",
            $"Pax.Templates.{PackedFeed.Version}.nupkg",
            $"Pax.Tool.{PackedFeed.Version}.nupkg",
            $"Pax.Tool.{PackedFeed.Version}.snupkg",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [InlineData("Pax.GoogleCloud")]
    [InlineData("Pax.Orchestration.Abstractions")]
    [InlineData("Pax.Collection")]
    [InlineData("Pax.Orchestration")]
    [InlineData("Pax.Orchestration.Dashboard")]
    public void A_library_package_carries_the_analyzer_its_props_docs_and_own_readme_and_only_what_it_references(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{PackedFeed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/Pax.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Pax.Analyzers.CodeFixes.dll", entries);
        Assert.Contains($"buildTransitive/{id}.props", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/net8.0/", StringComparison.Ordinal));

        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        Assert.StartsWith($"# {id}\n", text, StringComparison.Ordinal);
        Assert.Contains($"dotnet add package {id}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](samples/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](docs/", text, StringComparison.Ordinal);

        var props = new StreamReader(package.GetEntry($"buildTransitive/{id}.props")!.Open()).ReadToEnd();
        Assert.Contains("**/*.sh", props, StringComparison.Ordinal);
        Assert.Contains("**/*.tf", props, StringComparison.Ordinal);
        Assert.Contains("PaxAnalyzeDeploymentFiles", props, StringComparison.Ordinal);

        using (var symbols = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{PackedFeed.Version}.snupkg")))
        {
            using var pdb = new MemoryStream();
            symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open().CopyTo(pdb);
            var sourceLink = System.Text.Encoding.UTF8.GetString(pdb.ToArray());
            Assert.Contains("\"documents\":{", sourceLink, StringComparison.Ordinal);
            Assert.Contains("https://raw.githubusercontent.com/pax-package-tests/pax/", sourceLink, StringComparison.Ordinal);
        }

        var nuspec = Nuspec(package);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        Assert.Equal(PackedFeed.RepositoryUrl, nuspec.Descendants(ns + "repository").Single().Attribute("url")?.Value);
        var dependencies = nuspec.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToArray();
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Polly", StringComparison.Ordinal) || d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || d.StartsWith("xunit", StringComparison.Ordinal) || d.StartsWith("SQLitePCLRaw", StringComparison.Ordinal) || d.StartsWith("System.Threading.RateLimiting", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_depends_on_a_normal_version_range_of_Pax_Orchestration_which_keeps_its_internals_to_itself()
    {
        // The dashboard reads through Pax.Orchestration's public API, so any later Pax.Orchestration satisfies it: the
        // dependency is NuGet's ">= version" (the bare version), not the exact "[version]", and no packed assembly of
        // Pax.Orchestration names the dashboard a friend.
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Pax.Orchestration.Dashboard.{PackedFeed.Version}.nupkg"));
        var nuspec = Nuspec(package);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var orchestration = nuspec.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value == "Pax.Orchestration").ToArray();
        Assert.NotEmpty(orchestration);
        Assert.All(orchestration, d => Assert.Equal(PackedFeed.Version, d.Attribute("version")!.Value));

        using var library = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Pax.Orchestration.{PackedFeed.Version}.nupkg"));
        var assemblies = library.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith("/Pax.Orchestration.dll", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(assemblies);
        Assert.All(assemblies, a => Assert.DoesNotContain("Pax.Orchestration.Dashboard", AssemblyFriends.Of(a)));
    }

    [Fact]
    public void The_tools_are_dotnet_tools_and_the_templates_package_is_a_template_package()
    {
        foreach (var (id, command) in new[] { ("Pax.Tool", "pax"), ("Pax.CameraSimulator", "pax-camera-simulator") })
        {
            using var tool = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{PackedFeed.Version}.nupkg"));
            XNamespace ns = Nuspec(tool).Root!.Name.Namespace;
            Assert.Equal("DotnetTool", Nuspec(tool).Descendants(ns + "packageType").Single().Attribute("name")!.Value);
            var settings = XDocument.Load(tool.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
            Assert.Equal(command, settings.Descendants("Command").Single().Attribute("Name")!.Value);
        }

        using var templates = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Pax.Templates.{PackedFeed.Version}.nupkg"));
        var nuspec = Nuspec(templates);
        Assert.Equal("Template", nuspec.Descendants(nuspec.Root!.Name.Namespace + "packageType").Single().Attribute("name")!.Value);
        foreach (var template in new[] { "Pax.Collector.Job", "Pax.Orchestrator.Function", "Pax.Processor" })
        {
            Assert.Contains(templates.Entries, e => e.FullName == $"content/{template}/.template.config/template.json");
            Assert.Contains(templates.Entries, e => e.FullName == $"content/{template}/Directory.Packages.props");
            Assert.DoesNotContain(templates.Entries, e => e.FullName.StartsWith($"content/{template}/bin/", StringComparison.Ordinal) || e.FullName.StartsWith($"content/{template}/obj/", StringComparison.Ordinal));
        }
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
