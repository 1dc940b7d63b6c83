using System.IO.Compression;
using System.Xml.Linq;
using Pax.PackageTests.Support;
using YamlDotNet.RepresentationModel;

namespace Pax.PackageTests.Install;

/// <summary>
/// <c>.github/workflows/release.yml</c>, checked as far as it can be here: it is YAML, it runs on version tags, builds,
/// tests, packs with exactly the README's command and pushes with the API key secret; and a tag's version is the one
/// <c>build/pack.sh --tag</c> stamps into every package.
/// </summary>
public sealed class ReleaseWorkflowTests(PackedFeed feed)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_workflow_runs_on_version_tags_and_builds_tests_packs_and_pushes_in_that_order()
    {
        var workflow = Workflow();
        var tags = (YamlSequenceNode)Node(workflow, "on", "push", "tags");
        Assert.Equal(["v[0-9]+.[0-9]+.[0-9]+*"], tags.Children.Select(t => ((YamlScalarNode)t).Value));

        string[] order = ["Check the tag", "Build", "Test", "Pack", "Push to NuGet"];
        Assert.Equal(order, StepNodes(workflow).Select(NameOf).Where(order.Contains));
        var steps = Steps(workflow);
        Assert.Equal("./build/pack.sh --tag \"$GITHUB_REF_NAME\" --check", steps["Check the tag"]);
        Assert.Equal("dotnet build Pax.sln", steps["Build"]);
        Assert.Equal("bash .ci/run", steps["Test"]);
        Assert.Equal("dotnet nuget push \"artifacts/feed/*.nupkg\" --api-key \"$NUGET_API_KEY\" --source nuget.org --skip-duplicate", steps["Push to NuGet"]);
        var pushEnvironment = (YamlMappingNode)Node(StepNode(workflow, "Push to NuGet"), "env");
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", ((YamlScalarNode)pushEnvironment.Children[new YamlScalarNode("NUGET_API_KEY")]).Value);
    }

    [Fact]
    public void The_workflow_packs_with_the_command_the_README_documents()
    {
        var pack = Steps(Workflow())["Pack"];
        Assert.StartsWith(PackedFeed.PackScript + " --tag \"$GITHUB_REF_NAME\"", pack, StringComparison.Ordinal);
        var documented = ReadmeText.BashBlocks(ReadmeText.Section("Install")).SelectMany(b => b).Select(ReadmeText.Command);
        Assert.Contains(pack, documented);
    }

    [Fact]
    public async Task A_tag_stamps_its_version_into_every_package()
    {
        const string Tag = "v0.1.1-release.7";
        var output = Path.Combine(feed.Root, "release-feed");

        // --no-build: the fixture's Release build is packed again, under the tag's version.
        var (exit, text) = await DotnetCli.RunProgramAsync("bash", PackedFeed.RepositoryRoot, feed.Environment, Ct,
            PackedFeed.PackScript, "--tag", Tag, "-o", output, "--no-build");
        Assert.True(exit == 0, text);

        var packages = Directory.GetFiles(output, "*.nupkg");
        Assert.Equal(9, packages.Length);
        foreach (var package in packages)
        {
            using var zip = ZipFile.OpenRead(package);
            using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(stream);
            Assert.Equal("0.1.1-release.7", nuspec.Descendants(nuspec.Root!.Name.Namespace + "version").Single().Value);
            Assert.EndsWith(".0.1.1-release.7.nupkg", package, StringComparison.Ordinal);
        }

        using var templates = ZipFile.OpenRead(Path.Combine(output, "Pax.Templates.0.1.1-release.7.nupkg"));
        var props = new StreamReader(templates.GetEntry("content/Pax.Collector.Job/Directory.Packages.props")!.Open()).ReadToEnd();
        Assert.Contains("<PackageVersion Include=\"Pax.Collection\" Version=\"0.1.1-release.7\" />", props, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.2.0")]
    [InlineData("v0.2")]
    [InlineData("v01.2.0")]
    [InlineData("v0.2.0-")]
    [InlineData("main")]
    public async Task A_tag_that_is_not_a_version_is_refused_before_anything_is_packed(string tag)
    {
        var output = Path.Combine(feed.Root, "refused-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, text) = await DotnetCli.RunProgramAsync("bash", PackedFeed.RepositoryRoot, feed.Environment, Ct,
            PackedFeed.PackScript, "--tag", tag, "-o", output);

        Assert.Equal(2, exit);
        Assert.Equal($"error: tag '{tag}' is not a version tag: use v followed by a version, such as v0.2.0 or v0.2.0-beta.1", text.Trim());
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "something was packed");
    }

    [Theory]
    [InlineData("v0.2.0", "0.2.0")]
    [InlineData("v1.10.3-beta.1", "1.10.3-beta.1")]
    public async Task The_tag_check_prints_the_version_it_would_stamp(string tag, string version)
    {
        var (exit, text) = await DotnetCli.RunProgramAsync("bash", PackedFeed.RepositoryRoot, feed.Environment, Ct,
            PackedFeed.PackScript, "--tag", tag, "--check");

        Assert.Equal(0, exit);
        Assert.Equal(version, text.Trim());
    }

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(PackedFeed.RepositoryRoot, ".github", "workflows", "release.yml"));
        stream.Load(reader);   // throws on a YAML syntax error
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static IEnumerable<YamlMappingNode> StepNodes(YamlMappingNode workflow) =>
        ((YamlSequenceNode)Node(workflow, "jobs", "release", "steps")).Children.Cast<YamlMappingNode>();

    private static string? NameOf(YamlMappingNode step) =>
        step.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? ((YamlScalarNode)name).Value : null;

    private static YamlMappingNode StepNode(YamlMappingNode workflow, string name) => StepNodes(workflow).Single(s => NameOf(s) == name);

    /// <summary>The named steps' <c>run</c> commands by name.</summary>
    private static Dictionary<string, string> Steps(YamlMappingNode workflow) =>
        StepNodes(workflow)
            .Where(s => NameOf(s) is not null && s.Children.ContainsKey(new YamlScalarNode("run")))
            .ToDictionary(s => NameOf(s)!, s => ((YamlScalarNode)s.Children[new YamlScalarNode("run")]).Value!.Trim(), StringComparer.Ordinal);
}
