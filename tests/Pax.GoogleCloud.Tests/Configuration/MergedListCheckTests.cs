using Microsoft.Extensions.Configuration;
using Pax.GoogleCloud.Configuration.Internal;

namespace Pax.GoogleCloud.Tests.Configuration;

/// <summary>A list whose entries come from two configuration sources is named, with where each entry came from.</summary>
public sealed class MergedListCheckTests
{
    [Fact]
    public void Entries_from_a_file_and_from_environment_variables_are_refused_with_the_merged_list()
    {
        var root = new ConfigurationBuilder()
            .Add(new StandInSource("JsonConfigurationProvider for 'appsettings.json' (Optional)", new() { ["App:Phases:0:Name"] = "p", ["App:Phases:0:Processors:0"] = "a", ["App:Phases:0:Processors:1"] = "b", ["App:Phases:0:Processors:2"] = "c" }))
            .Add(new StandInSource("EnvironmentVariablesConfigurationProvider Prefix: ''", new() { ["App:Phases:0:Processors:0"] = "x", ["App:Phases:0:Processors:1"] = "y" }))
            .Build();

        var problems = Check(root);

        Assert.Equal(
            ["App:Phases:0:Processors takes entries 0, 1 from environment variables and 2 from appsettings.json: a later source cannot remove an entry of an earlier one, so the list is merged [x, y, c]. Configure the whole list in one place."],
            problems);
    }

    [Fact]
    public void A_list_from_one_source_and_an_entry_whose_keys_two_sources_set_are_accepted()
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:Phases:0:Name"] = "p", ["App:Phases:0:Processors:0"] = "a", ["App:Phases:0:Processors:1"] = "b" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:Phases:0:Topic"] = "t", ["App:Phases:0:Processors:0"] = "x", ["App:Phases:0:Processors:1"] = "y" })
            .Build();

        Assert.Empty(Check(root));
    }

    [Fact]
    public void One_key_of_one_entry_of_a_list_of_phases_set_by_a_later_source_is_accepted()
    {
        var root = new ConfigurationBuilder()
            .Add(new StandInSource("JsonConfigurationProvider for 'appsettings.Staging.json' (Optional)", TwoPhases))
            .Add(new StandInSource("EnvironmentVariablesConfigurationProvider Prefix: ''", new() { ["App:Phases:1:Deadline"] = "06:00:00" }))
            .Build();

        Assert.Empty(Check(root));
    }

    [Fact]
    public void A_later_source_that_renames_a_phase_is_refused_naming_the_keys_the_earlier_phase_leaves_on_it()
    {
        var root = new ConfigurationBuilder()
            .Add(new StandInSource("JsonConfigurationProvider for 'appsettings.json' (Optional)", TwoPhases))
            .Add(new StandInSource("EnvironmentVariablesConfigurationProvider Prefix: ''", new() { ["App:Phases:1:Name"] = "ocr", ["App:Phases:1:ExpectedCount"] = "2" }))
            .Build();

        Assert.Equal(
            ["App:Phases:1 is named 'ocr' by environment variables over 'detect' from appsettings.json: the keys appsettings.json set for 'detect' (Processors:0) stay on 'ocr'. Configure the whole list in one place."],
            Check(root));
    }

    [Fact]
    public void A_later_source_that_names_the_first_phases_but_not_an_earlier_sources_last_one_is_refused()
    {
        var root = new ConfigurationBuilder()
            .Add(new StandInSource("JsonConfigurationProvider for 'appsettings.json' (Optional)", TwoPhases))
            .Add(new StandInSource("EnvironmentVariablesConfigurationProvider Prefix: ''", new() { ["App:Phases:0:Name"] = "collect", ["App:Phases:0:Deadline"] = "01:00:00" }))
            .Build();

        Assert.Equal(
            ["App:Phases takes entries 0 from environment variables and 1 from appsettings.json: a later source cannot remove an entry of an earlier one, so the list is merged [collect, detect]. Configure the whole list in one place."],
            Check(root));
    }

    [Fact]
    public void A_later_source_that_adds_a_phase_after_an_earlier_sources_phases_is_accepted()
    {
        var root = new ConfigurationBuilder()
            .Add(new StandInSource("JsonConfigurationProvider for 'appsettings.json' (Optional)", TwoPhases))
            .Add(new StandInSource("CommandLineConfigurationProvider", new() { ["App:Phases:2:Name"] = "publish", ["App:Phases:2:ExpectedCount"] = "1" }))
            .Build();

        Assert.Empty(Check(root));
    }

    private static Dictionary<string, string?> TwoPhases => new()
    {
        ["App:Phases:0:Name"] = "collect",
        ["App:Phases:0:ExpectedCount"] = "3",
        ["App:Phases:1:Name"] = "detect",
        ["App:Phases:1:Processors:0"] = "a",
    };

    private static List<string> Check(IConfigurationRoot root)
    {
        var problems = new List<string>();
        MergedListCheck.Check(root, root.GetSection("App"), problems);
        return problems;
    }

    /// <summary>A provider that describes itself as <paramref name="name"/> (as .NET's JSON and environment providers do in their ToString), holding <paramref name="data"/>.</summary>
    private sealed class StandInSource(string name, Dictionary<string, string?> data) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new StandInProvider(name, data);
    }

    private sealed class StandInProvider(string name, Dictionary<string, string?> data) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);

        public override string ToString() => name;
    }
}
