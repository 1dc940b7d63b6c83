using System.Text.RegularExpressions;
using Pax.PackageTests.Support;

namespace Pax.PackageTests.Templates;

/// <summary>
/// The collector and orchestrator templates, instantiated from the packed Pax.Templates with non-default parameters:
/// every generated file (README, settings, deploy script, Dockerfile) uses the names given and mentions no path of
/// the Pax repository, and no template token or directive is left.
/// </summary>
public sealed partial class TemplateParameterTests(PackedFeed feed)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_collector_README_and_deploy_script_use_the_project_bucket_and_region_given()
    {
        var project = await InstantiateAsync("pax-collector-job", "TrafficCams", "--projectId", "proj-7", "--bucket", "bkt-7", "--region", "europe-west4", "--area", "purple-corridor");

        var readme = Read(project, "README.md");
        Assert.StartsWith("# TrafficCams\n", readme, StringComparison.Ordinal);
        AssertContainsAll(readme,
            "dotnet build\n",
            "dotnet tool install --global Pax.CameraSimulator",
            "pax-camera-simulator --urls http://127.0.0.1:5080 ",
            "dotnet run -- --camera-api http://127.0.0.1:5080 --area purple-corridor\n",
            "PROJECT=proj-7 BUCKET=bkt-7 REGION=europe-west4 deploy/deploy.sh\n",
            "dotnet tool install --global Pax.Tool",
            "pax doctor --project proj-7 --region europe-west4\n");

        var deploy = Read(project, "deploy", "deploy.sh");
        AssertContainsAll(deploy, "PROJECT=\"${PROJECT:-proj-7}\"", "BUCKET=\"${BUCKET:-bkt-7}\"", "REGION=\"${REGION:-europe-west4}\"", "AREA=\"${AREA:-purple-corridor}\"");

        AssertRendered(project, "us-east1", "my-project", "my-bucket");
    }

    [Fact]
    public async Task Without_a_project_or_bucket_the_collector_README_names_placeholders_the_deploy_script_asks_for()
    {
        var project = await InstantiateAsync("pax-collector-job", "BareCollector");

        Assert.Contains("PROJECT=my-project BUCKET=my-bucket REGION=us-east1 deploy/deploy.sh\n", Read(project, "README.md"), StringComparison.Ordinal);
        var deploy = Read(project, "deploy", "deploy.sh");
        Assert.Contains(": \"${PROJECT:?set PROJECT to the Google Cloud project id}\"", deploy, StringComparison.Ordinal);
        AssertRendered(project);
    }

    [Fact]
    public async Task An_area_the_collector_does_not_know_is_refused_by_dotnet_new()
    {
        var output = Path.Combine(feed.Work, "UnknownArea");
        var (exit, text) = await feed.DotnetAsync(feed.Work, Ct, "new", "pax-collector-job", "-n", "UnknownArea", "-o", output, "--area", "lower-manhattan");

        Assert.NotEqual(0, exit);
        Assert.Contains("lower-manhattan", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a project was generated for an unknown area");
    }

    [Fact]
    public async Task The_orchestrator_README_settings_and_deploy_script_use_the_phase_processors_project_and_region_given()
    {
        var project = await InstantiateAsync("pax-orchestrator", "EnrichOrchestrator",
            "--projectId", "proj-8", "--region", "asia-east1", "--phase", "enrich", "--processors", " ocr, tag ,thumb");

        var readme = Read(project, "README.md");
        Assert.StartsWith("# EnrichOrchestrator\n", readme, StringComparison.Ordinal);
        AssertContainsAll(readme,
            "gcloud beta emulators pubsub start --host-port=127.0.0.1:8085 --project=proj-8 &\n",
            "http://127.0.0.1:8085/v1/projects/proj-8/topics/phase3 ",
            "PUBSUB_EMULATOR_HOST=127.0.0.1:8085 dotnet run\n",
            "for p in ocr tag thumb; do\n",
            "{\"phase\":\"enrich\",\"processor\":\"%s\",\"runKey\":\"2026-02-10\",\"status\":\"succeeded\"}",
            "curl -s http://127.0.0.1:8080/tallies/enrich/2026-02-10 ",
            "PROJECT=proj-8 REGION=asia-east1 deploy/deploy.sh\n",
            "pax doctor --project proj-8 --region asia-east1\n",
            "see the Pax.Orchestration.Dashboard package's readme");

        var local = Read(project, "appsettings.Development.json");
        Assert.Contains("\"Name\": \"enrich\"", local, StringComparison.Ordinal);
        Assert.Contains("\"Processors\": [ \"ocr\", \"tag\", \"thumb\" ]", local, StringComparison.Ordinal);
        Assert.Contains("projects/proj-8/topics/phase3", local, StringComparison.Ordinal);
        Assert.Contains("@proj-8.iam.gserviceaccount.com", Read(project, "appsettings.json"), StringComparison.Ordinal);
        var deploy = Read(project, "deploy", "deploy.sh");
        AssertContainsAll(deploy, "PROJECT=\"${PROJECT:-proj-8}\"", "REGION=\"${REGION:-asia-east1}\"", "PHASE=\"${PHASE:-enrich}\"", "PROCESSORS=\"${PROCESSORS:-ocr,tag,thumb}\"");

        AssertRendered(project, "phase2", "us-east1", "my-project", "a b c", "\"a\", \"b\", \"c\"", "a,b,c");
    }

    /// <summary>
    /// No file of the generated project names a path of the Pax repository, a template token or a directive, nor any
    /// of <paramref name="defaults"/> (the sample's own values that the parameters replace).
    /// </summary>
    private static void AssertRendered(string project, params string[] defaults)
    {
        var files = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        Assert.Contains(files, f => f.EndsWith("README.md", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(project, file);
            Assert.True(RepositoryPath().Match(text) is not { Success: true } path, $"{name} names the repository path '{RepositoryPath().Match(text).Value}'");
            Assert.DoesNotContain("TEMPLATE_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--#", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#endif", text, StringComparison.Ordinal);
            if (!name.EndsWith(".md", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("##", text, StringComparison.Ordinal);   // the hash-comment files' directives
            }

            foreach (var value in defaults)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{name} still says '{value}'");
            }
        }
    }

    private static void AssertContainsAll(string text, params string[] lines)
    {
        foreach (var line in lines)
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    /// <summary>A path into the Pax repository: its top folders at the start of a path (not inside a URL), or up out of the project.</summary>
    [GeneratedRegex(@"(?<![\w./-])(samples|src|tests|docs|analyzers|templates|build)/|\.\./|Pax\.sln|packages\.slnf")]
    private static partial Regex RepositoryPath();

    private static string Read(string project, params string[] path) =>
        File.ReadAllText(Path.Combine([project, .. path])).ReplaceLineEndings("\n");

    private async Task<string> InstantiateAsync(string template, string name, params string[] parameters)
    {
        var output = Path.Combine(feed.Work, name);
        var (exit, text) = await feed.DotnetAsync(feed.Work, Ct, ["new", template, "-n", name, "-o", output, .. parameters]);
        Assert.True(exit == 0, text);
        return output;
    }
}
