using Pax.CameraSimulator;
using Pax.PackageTests.Support;

namespace Pax.PackageTests;

/// <summary>The three templates, instantiated from the packed Pax.Templates and built against the packed packages.</summary>
public sealed class TemplateTests(PackedFeed feed)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pax-orchestrator", "MyOrchestrator", "Pax.Orchestration")]
    [InlineData("pax-processor", "MyProcessor", "Pax.Orchestration.Abstractions")]
    public async Task A_template_builds_against_the_packages_with_warnings_as_errors(string template, string name, string package)
    {
        var project = await InstantiateAsync(template, name, "--projectId", "my-project");

        var csproj = File.ReadAllText(Path.Combine(project, name + ".csproj"));
        Assert.Contains($"<PackageReference Include=\"{package}\" />", csproj, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", csproj, StringComparison.Ordinal);
        Assert.Contains($"Include=\"{package}\" Version=\"{PackedFeed.Version}\"", File.ReadAllText(Path.Combine(project, "Directory.Packages.props")), StringComparison.Ordinal);
        AssertNoRepositoryPaths(project);
        await BuildAsync(project);
    }

    [Fact]
    public async Task The_orchestrator_template_takes_its_phase_processors_project_and_region_from_parameters()
    {
        var project = await InstantiateAsync("pax-orchestrator", "PhasedOrchestrator", "--projectId", "proj-1", "--region", "europe-west1", "--phase", "enrich", "--processors", " x, y ");

        // The image's settings name no phase (the deploy script's environment is the one source); the local ones do.
        var settings = File.ReadAllText(Path.Combine(project, "appsettings.json"));
        Assert.DoesNotContain("\"Phases\"", settings, StringComparison.Ordinal);
        Assert.Contains("orchestrator-push@proj-1.iam.gserviceaccount.com", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("my-project", settings, StringComparison.Ordinal);
        var local = File.ReadAllText(Path.Combine(project, "appsettings.Development.json"));
        Assert.Contains("\"Name\": \"enrich\"", local, StringComparison.Ordinal);
        Assert.Contains("\"Processors\": [ \"x\", \"y\" ]", local, StringComparison.Ordinal);
        Assert.Contains("\"Topic\": \"projects/proj-1/topics/phase3\"", local, StringComparison.Ordinal);
        var deploy = File.ReadAllText(Path.Combine(project, "deploy", "deploy.sh"));
        foreach (var line in new[] { "PROJECT=\"${PROJECT:-proj-1}\"", "REGION=\"${REGION:-europe-west1}\"", "PHASE=\"${PHASE:-enrich}\"", "PROCESSORS=\"${PROCESSORS:-x,y}\"" })
        {
            Assert.Contains(line, deploy, StringComparison.Ordinal);
        }

        // The push identity's invoker grant and the tick job are part of the generated script.
        Assert.Contains("--member=\"serviceAccount:${PUSH_SA}\" --role=roles/run.invoker", deploy, StringComparison.Ordinal);
        Assert.Contains("--uri=\"${SERVICE_URL}/cron/tick\"", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("##", deploy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collector_template_builds_and_collects_the_simulator_cameras_into_a_folder()
    {
        var project = await InstantiateAsync("pax-collector-job", "MyCollector", "--projectId", "my-project", "--bucket", "my-bucket", "--area", "purple-corridor");
        var deploy = File.ReadAllText(Path.Combine(project, "deploy", "deploy.sh"));
        Assert.Contains("PROJECT=\"${PROJECT:-my-project}\"", deploy, StringComparison.Ordinal);
        Assert.Contains("BUCKET=\"${BUCKET:-my-bucket}\"", deploy, StringComparison.Ordinal);
        Assert.Contains("--oauth-token-scope=\"https://www.googleapis.com/auth/cloud-platform\"", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("##", deploy, StringComparison.Ordinal);
        Assert.Contains("RUN dotnet publish MyCollector.csproj", File.ReadAllText(Path.Combine(project, "Dockerfile")), StringComparison.Ordinal);
        AssertNoRepositoryPaths(project);
        await BuildAsync(project);

        await using var simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 12, Seed = 3 }, cancellationToken: Ct);
        var sink = Path.Combine(project, "snapshots");
        var (exit, output) = await feed.DotnetAsync(project, Ct,
            Path.Combine(project, "bin", "Debug", "net10.0", "MyCollector.dll"),
            "--camera-api", simulator.BaseAddress.ToString(), "--all", "--sink", sink, "--slot", "2026-02-10T14:40:00Z");

        Assert.True(exit == 0, output);
        var slot = Path.Combine(sink, "2026-02-10", "1430");
        var stored = Directory.GetFiles(slot, "*.jpg").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(simulator.Cameras.Select(c => c.Id).Order(), stored);
        Assert.True(File.Exists(Path.Combine(slot, "report.json")));
    }

    private async Task<string> InstantiateAsync(string template, string name, params string[] parameters)
    {
        var output = Path.Combine(feed.Work, name);
        var (exit, text) = await feed.DotnetAsync(feed.Work, Ct, ["new", template, "-n", name, "-o", output, .. parameters]);
        Assert.True(exit == 0, text);
        return output;
    }

    private async Task BuildAsync(string project)
    {
        var (exit, output) = await feed.DotnetAsync(project, Ct, "build", "-nologo", "-v", "q", "-p:TreatWarningsAsErrors=true");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("PAX0", output, StringComparison.Ordinal);
    }

    private static void AssertNoRepositoryPaths(string project)
    {
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".md", StringComparison.Ordinal))
            {
                continue;   // the orchestrator's README describes the Pax repository too
            }

            var text = File.ReadAllText(file);
            Assert.DoesNotContain("samples/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("src/Pax.", text, StringComparison.Ordinal);
        }
    }
}
