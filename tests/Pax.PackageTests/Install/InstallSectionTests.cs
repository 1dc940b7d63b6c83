using Pax.PackageTests.Support;

namespace Pax.PackageTests.Install;

/// <summary>
/// The README's Install section, run as written on a fresh machine: a new home folder (NuGet's user config, the tool
/// and template folders), the feed <c>./build/pack.sh</c> wrote, and nothing else of this repository.
/// </summary>
public sealed class InstallSectionTests(PackedFeed feed) : IDisposable
{
    private readonly string _machine = Path.Combine(Path.GetTempPath(), "pax-install-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_pack_script_prints_the_nuget_config_line_and_the_install_commands()
    {
        Assert.Contains($"<add key=\"pax-local\" value=\"{feed.Feed}\" />", feed.PackOutput, StringComparison.Ordinal);
        Assert.Contains($"dotnet nuget add source \"{feed.Feed}\" --name pax-local", feed.PackOutput, StringComparison.Ordinal);
        foreach (var command in new[]
        {
            $"dotnet new install Pax.Templates::{PackedFeed.Version}",
            $"dotnet tool install --global Pax.Tool --version {PackedFeed.Version}",
            $"dotnet tool install --global Pax.CameraSimulator --version {PackedFeed.Version}",
            $"dotnet add package Pax.Collection --version {PackedFeed.Version}",
        })
        {
            Assert.Contains("\n  " + command + "\n", feed.PackOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_command_of_the_install_section_works_as_written_from_the_packed_feed()
    {
        var blocks = ReadmeText.BashBlocks(ReadmeText.Section("Install"));
        Assert.True(blocks.Count >= 3, "the Install section has the clone block, the install block and the package block");
        var clone = blocks[0].Select(ReadmeText.Command).ToArray();
        Assert.Equal(PackedFeed.PackScript, clone[0]);   // what the fixture ran to make the feed

        // The clone: a repository folder whose ./artifacts/feed is the one the script wrote.
        var repository = Path.Combine(_machine, "pax");
        Directory.CreateDirectory(Path.Combine(repository, "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(repository, "artifacts", "feed"), feed.Feed);
        await RunAsync(repository, clone[1..]);

        // From anywhere: a folder of its own, with nothing above it but the new home's NuGet config.
        var anywhere = Path.Combine(_machine, "work");
        Directory.CreateDirectory(anywhere);
        File.WriteAllText(Path.Combine(_machine, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_machine, "Directory.Build.targets"), "<Project />\n");
        await RunAsync(anywhere, blocks[1].Select(ReadmeText.Command).ToArray());
        Assert.True(File.Exists(Path.Combine(Home, ".dotnet", "tools", "pax")), "pax is not installed");
        Assert.True(File.Exists(Path.Combine(Home, ".dotnet", "tools", "pax-camera-simulator")), "pax-camera-simulator is not installed");
        Assert.True(File.Exists(Path.Combine(anywhere, "MyCollector", "MyCollector.csproj")), "the collector template was not instantiated");
        Assert.Contains("my-bucket", File.ReadAllText(Path.Combine(anywhere, "MyCollector", "deploy", "deploy.sh")), StringComparison.Ordinal);

        // In a project of one's own.
        await RunAsync(anywhere, "dotnet new console -n Consumer -o Consumer");
        var consumer = Path.Combine(anywhere, "Consumer");
        await RunAsync(consumer, blocks[2].Select(ReadmeText.Command).ToArray());
        var project = File.ReadAllText(Path.Combine(consumer, "Consumer.csproj"));
        foreach (var id in new[] { "Pax.Collection", "Pax.Orchestration", "Pax.Orchestration.Dashboard", "Pax.Orchestration.Abstractions" })
        {
            Assert.Contains($"<PackageReference Include=\"{id}\" Version=\"{PackedFeed.Version}\" />", project, StringComparison.Ordinal);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(_machine, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temporary directory.
        }
    }

    private string Home => Path.Combine(_machine, "home");

    private async Task RunAsync(string directory, params string[] commands)
    {
        // A fresh machine's user: its own home (NuGet's user config, ~/.dotnet/tools, the template hive); the packages
        // folder is the run's, so the packages are downloaded once.
        var environment = new Dictionary<string, string>(feed.Environment)
        {
            ["HOME"] = Home,
            ["DOTNET_CLI_HOME"] = Home,
        };
        Directory.CreateDirectory(Home);
        foreach (var command in commands.Where(c => c.Length > 0))
        {
            var (exit, output) = await DotnetCli.RunProgramAsync("bash", directory, environment, Ct, "-euo", "pipefail", "-c", command);
            Assert.True(exit == 0, $"`{command}` in {directory} exited {exit}:\n{output}");
        }
    }
}
