using System.Diagnostics;
using System.Xml.Linq;

[assembly: AssemblyFixture(typeof(Pax.PackageTests.Support.PackedFeed))]

namespace Pax.PackageTests.Support;

/// <summary>
/// Packs every package once per test run with the documented command (<c>build/pack.sh</c>: packages.slnf, Release)
/// into a temporary folder feed, writes a nuget.config
/// with that feed plus the repository's registry, and installs Pax.Templates into a temporary template hive
/// (DOTNET_CLI_HOME), with one NuGet packages folder for the whole run (NUGET_PACKAGES): nothing touches the user's
/// hive or package cache, and nothing from this repository is visible to the consumer projects but the feed.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>
    /// The repository address the packages are packed with (test data, not the project's address: it has none), to
    /// check the nuspec, SourceLink (a github.com address has a SourceLink provider in the SDK) and the help links.
    /// </summary>
    public const string RepositoryUrl = "https://github.com/pax-package-tests/pax";

    /// <summary>The version every Pax package is packed with.</summary>
    public const string Version = "0.1.0";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Gets the temporary root (feed, packages, hive, work).</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pax-packages-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Gets the folder feed.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>Gets the folder the consumer projects are made in (its nuget.config applies to them).</summary>
    public string Work => Path.Combine(Root, "work");

    /// <summary>Gets the environment of every dotnet call: isolated hive and packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>Gets the seconds the pack took (reported in the README).</summary>
    public TimeSpan PackDuration { get; private set; }

    /// <summary>Gets what <c>build/pack.sh</c> printed (the feed's nuget.config line and the install commands).</summary>
    public string PackOutput { get; private set; } = string.Empty;

    /// <summary>Gets the pack script, relative to the repository root, as the README runs it.</summary>
    public static string PackScript => "./build/pack.sh";

    /// <summary>Gets the repository root.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Work);
        Environment = new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(Root, "home"),
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        };
        WriteConsumerFiles();

        using var timeout = new CancellationTokenSource(PackTimeout);
        var watch = Stopwatch.StartNew();
        var (exit, output) = await DotnetCli.RunProgramAsync("bash", RepositoryRoot, Environment, timeout.Token,
            PackScript, "-o", Feed, "-p:RepositoryUrl=" + RepositoryUrl);
        PackDuration = watch.Elapsed;
        if (exit != 0)
        {
            throw new InvalidOperationException(PackScript + " failed:\n" + output);
        }

        PackOutput = output;

        var install = await DotnetCli.RunAsync(Root, Environment, timeout.Token,
            "new", "install", Path.Combine(Feed, $"Pax.Templates.{Version}.nupkg"));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet new install failed:\n" + install.Output);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temporary directory.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Runs dotnet in <paramref name="directory"/> with the isolated environment.</summary>
    public Task<(int ExitCode, string Output)> DotnetAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        DotnetCli.RunAsync(directory, Environment, cancellationToken, arguments);

    private void WriteConsumerFiles()
    {
        // The feed plus the repository's own registry (its nuget.config's sources), nothing else.
        var repositoryConfig = XDocument.Load(Path.Combine(RepositoryRoot, "nuget.config"));
        var sources = repositoryConfig.Root!.Element("packageSources")!;
        sources.Element("clear")!.AddAfterSelf(new XElement("add", new XAttribute("key", "pax-feed"), new XAttribute("value", Feed)));
        repositoryConfig.Save(Path.Combine(Root, "nuget.config"));

        // Stops MSBuild's search for Directory.Build.* and Directory.Packages.props above the temporary root.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
    }

    private static string FindRepositoryRoot()
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
