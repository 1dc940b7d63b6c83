using System.Text.Json.Nodes;
using Pax.PackageTests.Support;
using Pax.TestSupport.PubSub;

namespace Pax.PackageTests;

/// <summary>
/// The processor template from the packed Pax.Templates, with non-default parameters: the generated files say what
/// was given and nothing of this repository, and the built program reports under the name given and fails with one line.
/// </summary>
public sealed class ProcessorTemplateTests(PackedFeed feed)
{
    private const string Topic = "projects/proj-7/topics/enrich-completions";

    private static readonly string[] Parameters = ["--projectId", "proj-7", "--region", "europe-west4", "--phase", "enrich", "--processor", "detector"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_processor_template_renders_its_parameters_into_every_file_and_reports_under_its_name()
    {
        var project = Path.Combine(feed.Work, "Detector");
        var (created, text) = await feed.DotnetAsync(feed.Work, Ct, ["new", "pax-processor", "-n", "Detector", "-o", project, .. Parameters]);
        Assert.True(created == 0, text);

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(project, "appsettings.json")))!["Pax"]!["Processor"]!;
        Assert.Equal(("detector", "enrich", Topic), ((string?)settings["Name"], (string?)settings["Phase"], (string?)settings["CompletionTopic"]));
        var deploy = File.ReadAllText(Path.Combine(project, "deploy", "deploy.sh"));
        foreach (var line in new[] { "PROJECT=\"${PROJECT:-proj-7}\"", "PROCESSOR=\"${PROCESSOR:-detector}\"", "REGION=\"${REGION:-europe-west4}\"", "PHASE=\"${PHASE:-enrich}\"" })
        {
            Assert.Contains(line, deploy, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("##", deploy, StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(project, "README.md"));
        Assert.StartsWith("# Detector", readme, StringComparison.Ordinal);
        foreach (var given in new[] { "reports as processor `detector` for phase `enrich` to `projects/proj-7/topics/enrich-completions`", "--project=proj-7", "PROJECT=proj-7", "`europe-west4`", "pax doctor --project proj-7 --region europe-west4\n" })
        {
            Assert.Contains(given, readme, StringComparison.Ordinal);
        }

        AssertOnlyTheGivenNames(project);

        // OTLP export wired as in the other templates, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; its version comes with the template.
        Assert.Contains("<PackageReference Include=\"OpenTelemetry.Exporter.OpenTelemetryProtocol\" />", File.ReadAllText(Path.Combine(project, "Detector.csproj")), StringComparison.Ordinal);
        Assert.Contains("Include=\"OpenTelemetry.Exporter.OpenTelemetryProtocol\" Version=", File.ReadAllText(Path.Combine(project, "Directory.Packages.props")), StringComparison.Ordinal);
        Assert.Contains("OtlpExport.StartWhenConfigured(", File.ReadAllText(Path.Combine(project, "Program.cs")), StringComparison.Ordinal);
        var (built, output) = await feed.DotnetAsync(project, Ct, "build", "-nologo", "-v", "q", "-p:TreatWarningsAsErrors=true");
        Assert.True(built == 0, output);

        // A local run (no PAX_PROCESSOR, as `dotnet run` in the README) reports as `detector` for `enrich`.
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        pubSub.AddTopic(Topic);
        var (exit, log) = await RunAsync(project, pubSub, new() { ["PAX_RUN_KEY"] = "2026-02-10" });
        Assert.True(exit == 0, log);
        var body = JsonNode.Parse(Assert.Single(pubSub.Published).Data)!;
        Assert.Equal(("detector", "enrich", "2026-02-10", "succeeded"), ((string?)body["processor"], (string?)body["phase"], (string?)body["runKey"], (string?)body["status"]));

        // Its failure modes: one `error:` line and a documented exit code each.
        var (noRunKey, noRunKeyLog) = await RunAsync(project, pubSub, []);
        Assert.Equal(2, noRunKey);
        Assert.StartsWith("error: PAX_RUN_KEY is not set", OneErrorLine(noRunKeyLog), StringComparison.Ordinal);
        var (noTopic, noTopicLog) = await RunAsync(project, pubSub, new() { ["PAX_RUN_KEY"] = "2026-02-10", ["PAX_COMPLETION_TOPIC"] = "projects/proj-7/topics/gone" });
        Assert.Equal(3, noTopic);
        Assert.Contains("the completions topic projects/proj-7/topics/gone does not exist", OneErrorLine(noTopicLog), StringComparison.Ordinal);
        Assert.Single(pubSub.Published);
    }

    // The defaults the sample carries (phase2, a, my-project, us-east1) are all replaced, and no file names a path of the Pax repository.
    private static void AssertOnlyTheGivenNames(string project)
    {
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (var left in new[] { "phase2", "my-project", "us-east1", "\"Name\": \"a\"", "PROCESSOR:-a}", "TEMPLATE_", "samples/", "src/Pax", "tests/Pax", "Pax.Processor" })
            {
                Assert.False(text.Contains(left, StringComparison.Ordinal), $"{Path.GetRelativePath(project, file)} still says '{left}'");
            }
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string project, FakePubSubServer pubSub, Dictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(feed.Environment) { ["PUBSUB_EMULATOR_HOST"] = pubSub.BaseAddress.Authority };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return await DotnetCli.RunAsync(feed.Work, environment, Ct, Path.Combine(project, "bin", "Debug", "net10.0", "Detector.dll"));
    }

    private static string OneErrorLine(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        return Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal)).TrimEnd('\r');
    }
}
