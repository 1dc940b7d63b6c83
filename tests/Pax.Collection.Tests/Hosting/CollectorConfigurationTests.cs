using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Hosting;
using Pax.Collection.Runs;

namespace Pax.Collection.Tests.Hosting;

/// <summary>The documented flags and PAX_* variables (README, "The collector") land on Pax:Collection keys, one by one.</summary>
public sealed partial class CollectorConfigurationTests
{
    private static readonly Dictionary<string, string?> NoFlags = [];

    public static TheoryData<string, string, string, string, string> Mappings => new()
    {
        // flag, variable, key, value given, value in configuration
        { "--camera-api", "PAX_CAMERA_API", "Pax:Collection:Cameras:BaseAddress", "http://127.0.0.1:5080", "http://127.0.0.1:5080/" },
        { "--area", "PAX_AREA", "Pax:Collection:Area", "purple-corridor", "purple-corridor" },
        { "--manifest", "PAX_MANIFEST", "Pax:Collection:Manifest", "cams.json", "cams.json" },
        { "--sink", "PAX_SINK", "Pax:Collection:Sink", "gs://pax-bucket/nyc", "gs://pax-bucket/nyc" },
        { "--concurrency", "PAX_CONCURRENCY", "Pax:Collection:Concurrency", "8", "8" },
        { "--upload-concurrency", "PAX_UPLOAD_CONCURRENCY", "Pax:Collection:UploadConcurrency", "64", "64" },
        { "--slot", "PAX_SLOT", "Pax:Collection:Slot", "2026-02-10T09:44:00-05:00", "2026-02-10T14:44:00.0000000+00:00" },
        { "--write-manifest", "PAX_WRITE_MANIFEST", "Pax:Collection:WriteManifest", "out.json", "out.json" },
        { "--min-stored-ratio", "PAX_MIN_STORED_RATIO", "Pax:Collection:MinStoredRatio", "0.75", "0.75" },
        { "--deadline", "PAX_DEADLINE", "Pax:Collection:Deadline", "00:05:00", "00:05:00" },
        { "--completion-topic", "PAX_COMPLETION_TOPIC", "Pax:Collection:CompletionTopic", "projects/p/topics/done", "projects/p/topics/done" },
        { "--completion-phase", "PAX_COMPLETION_PHASE", "Pax:Collection:CompletionPhase", "collect", "collect" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void A_variable_sets_its_key(string flag, string variable, string key, string value, string expected)
    {
        var resolved = CollectorConfiguration.Resolve(NoFlags, name => name == variable ? value : null);

        Assert.Equal(expected, resolved[key]);
        Assert.Equal(flag, CollectorFlags.All.Single(f => f.Variable == variable).Name);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void A_flag_sets_its_key_and_wins_over_its_variable(string flag, string variable, string key, string value, string expected)
    {
        var other = key.EndsWith("Area", StringComparison.Ordinal) || key.EndsWith("Manifest", StringComparison.Ordinal) ? null : "from-the-variable";

        var resolved = CollectorConfiguration.Resolve(new Dictionary<string, string?> { [flag] = value }, name => name == variable ? other : null);

        Assert.Equal(expected, resolved[key]);
        Assert.Equal(key, CollectorFlags.All.Single(f => f.Name == flag).Key);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    public void PAX_ALL_selects_every_camera_only_when_it_says_true(string value, bool selected)
    {
        var resolved = CollectorConfiguration.Resolve(NoFlags, name => name == "PAX_ALL" ? value : null);

        Assert.Equal(selected, resolved.ContainsKey("Pax:Collection:All"));
        Assert.True(!selected || resolved["Pax:Collection:All"] == "true");
    }

    [Fact]
    public void The_all_flag_sets_All()
    {
        var resolved = CollectorConfiguration.Resolve(new Dictionary<string, string?> { ["--all"] = "true" }, _ => null);

        Assert.Equal("true", resolved["Pax:Collection:All"]);
    }

    [Fact]
    public void A_selection_flag_replaces_every_selection_variable()
    {
        var variables = new Dictionary<string, string> { ["PAX_AREA"] = "purple-corridor", ["PAX_ALL"] = "true" };

        var resolved = CollectorConfiguration.Resolve(new Dictionary<string, string?> { ["--manifest"] = "cams.json" }, variables.GetValueOrDefault);

        Assert.Equal("cams.json", resolved["Pax:Collection:Manifest"]);
        Assert.False(resolved.ContainsKey("Pax:Collection:Area"));
        Assert.False(resolved.ContainsKey("Pax:Collection:All"));
    }

    [Theory]
    [InlineData("--area", "a", "--all", "true")]
    [InlineData("--area", "a", "--manifest", "m.json")]
    public void Two_selection_flags_are_refused(string flag1, string value1, string flag2, string value2)
    {
        var error = Assert.Throws<FormatException>(() => CollectorConfiguration.Resolve(new Dictionary<string, string?> { [flag1] = value1, [flag2] = value2 }, _ => null));

        Assert.Contains("Give one camera selection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_selection_variables_are_refused()
    {
        var variables = new Dictionary<string, string> { ["PAX_AREA"] = "purple-corridor", ["PAX_MANIFEST"] = "m.json" };

        Assert.Throws<FormatException>(() => CollectorConfiguration.Resolve(NoFlags, variables.GetValueOrDefault));
    }

    [Theory]
    [InlineData("--concurrency", "0", "--concurrency '0' is not a positive whole number.")]
    [InlineData("--upload-concurrency", "-3", "--upload-concurrency '-3' is not a positive whole number.")]
    [InlineData("--slot", "yesterday", "--slot 'yesterday' is not an ISO-8601 date and time such as 2026-02-10T14:30:00Z.")]
    [InlineData("--min-stored-ratio", "2", "--min-stored-ratio '2' is not a number between 0 and 1.")]
    [InlineData("--deadline", "-00:01:00", "--deadline '-00:01:00' is not a positive duration such as 00:08:00.")]
    [InlineData("--camera-api", "ftp://user:pw@example.com/", "--camera-api 'ftp://user:***@example.com/' is not an absolute http(s) URL.")]
    public void A_bad_value_is_refused_naming_the_flag(string flag, string value, string message)
    {
        var error = Assert.Throws<FormatException>(() => CollectorConfiguration.Resolve(new Dictionary<string, string?> { [flag] = value }, _ => null));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_bad_variable_is_refused_naming_its_flag()
    {
        var error = Assert.Throws<FormatException>(() => CollectorConfiguration.Resolve(NoFlags, name => name == "PAX_SINK" ? "s3://bucket" : null));

        Assert.StartsWith("--sink: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_not_given_set_no_key_so_the_library_defaults_apply()
    {
        var resolved = CollectorConfiguration.Resolve(NoFlags, _ => null);

        Assert.Empty(resolved);
    }

    [Fact]
    public void Unknown_flags_are_refused()
    {
        Assert.Throws<FormatException>(() => CollectorConfiguration.Resolve(new Dictionary<string, string?> { ["--bogus"] = "1" }, _ => null));
    }

    [Fact]
    public void Flags_and_variables_bind_through_AddPaxCollection_onto_the_options()
    {
        var variables = new Dictionary<string, string>
        {
            ["PAX_SINK"] = "./pax-data/nyc",
            ["PAX_CAMERA_API"] = "http://127.0.0.1:5080",
            ["PAX_MIN_STORED_RATIO"] = "0.5",
            ["PAX_ALL"] = "true",
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pax:Collection:Concurrency"] = "4", ["Pax:Collection:Deadline"] = "00:02:00" })
            .AddPaxCollectorSettings(new Dictionary<string, string?> { ["--concurrency"] = "12", ["--slot"] = "2026-02-10T14:44:00Z" }, variables.GetValueOrDefault)
            .Build();
        using var services = new ServiceCollection().AddPaxCollection(configuration.GetSection("Pax:Collection")).BuildServiceProvider();

        var collection = services.GetRequiredService<IOptions<CollectionOptions>>().Value;
        var job = services.GetRequiredService<IOptions<CollectorJobOptions>>().Value;
        Assert.Equal(("./pax-data/nyc", 12, 0.5, TimeSpan.FromMinutes(2)), (collection.Sink, collection.Concurrency, collection.MinStoredRatio, collection.Deadline));
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), services.GetRequiredService<IOptions<NyctmcOptions>>().Value.BaseAddress);
        Assert.True(job.All);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 14, 44, 0, TimeSpan.Zero), job.Slot);
        Assert.Same(job, services.GetRequiredService<CollectorJob>().Options);
    }

    [Fact]
    public void The_table_is_the_READMEs_table_of_flags_and_variables()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var documented = FlagRow().Matches(readme).Select(m => (m.Groups["flag"].Value, m.Groups["variable"].Value)).ToList();

        Assert.Equal(
            CollectorFlags.All.Select(f => (f.Name, f.Variable)).Order(),
            documented.Order());
    }

    [GeneratedRegex(@"^\| `(?<flag>--[a-z-]+)[^`]*` \| `(?<variable>PAX_[A-Z_]+)[^`]*` \|", RegexOptions.Multiline)]
    private static partial Regex FlagRow();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pax.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
    }
}
