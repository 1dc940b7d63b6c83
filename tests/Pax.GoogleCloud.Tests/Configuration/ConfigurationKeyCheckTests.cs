using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Configuration.Internal;

namespace Pax.GoogleCloud.Tests.Configuration;

/// <summary>A section is read as the binder will bind it, and what the binder would drop or fail on is named by its full key.</summary>
public sealed class ConfigurationKeyCheckTests
{
    [Fact]
    public void A_section_the_binder_reads_whole_has_no_problem()
    {
        var problems = Check(new()
        {
            ["App:Name"] = "x",
            ["App:Wait"] = "00:05:00",
            ["App:Count"] = "3",
            ["App:Mode"] = "fast",
            ["App:Endpoint"] = "https://example.com/",
            ["App:Optional"] = "",
            ["App:Items:0:Name"] = "a",
            ["App:Items:0:Tags:0"] = "t",
            ["App:Items:1:Name"] = "b",
            ["App:ByName:first:Name"] = "c",
            ["App:Inner:Wait"] = "1.00:00:00",
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void Keys_match_their_options_in_any_letter_case_as_the_binder_matches_them()
    {
        var problems = Check(new()
        {
            ["App:name"] = "x",
            ["App:WAIT"] = "00:05:00",
            ["App:items:0:NAME"] = "a",
            ["App:Items:0:tags:0"] = "t",
            ["App:byname:first:name"] = "c",
            ["App:inner:wait"] = "1.00:00:00",
        });

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("App:Nmae", "x", "App:Nmae is not a setting — did you mean 'Name'?")]
    [InlineData("App:Items:0:Nam", "x", "App:Items:0:Nam is not a setting — did you mean 'Name'?")]
    [InlineData("App:Inner:Wiat", "00:00:01", "App:Inner:Wiat is not a setting — did you mean 'Wait'?")]
    [InlineData("App:Zebra", "x", "App:Zebra is not a setting; App takes: Name, Wait, Optional, Count, Mode, Endpoint, Items, ByName, Inner, Hook.")]
    public void A_key_no_option_binds_to_is_named_with_the_key_probably_meant(string key, string value, string problem) =>
        Assert.Equal([problem], Check(new() { [key] = value }));

    [Theory]
    [InlineData("App:Wait", "6h", "App:Wait = '6h' is not a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss.")]
    [InlineData("App:Optional", "soon", "App:Optional = 'soon' is not a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss.")]
    [InlineData("App:Count", "three", "App:Count = 'three' is not a whole number.")]
    [InlineData("App:Mode", "quick", "App:Mode = 'quick' is not one of Fast, Careful.")]
    [InlineData("App:Items:1:Tags:0:x", "y", "App:Items:1:Tags:0 is a value (a String), not a section: remove App:Items:1:Tags:0:x.")]
    [InlineData("App:Items:first:Name", "a", "App:Items:first is not a list entry: number the entries App:Items:0, App:Items:1, ….")]
    [InlineData("App:Inner", "yes", "App:Inner = 'yes' is a section, not a value: set its keys (App:Inner:…) instead.")]
    [InlineData("App:Hook:Name", "x", "App:Hook cannot be set from configuration (it is set in code).")]
    [InlineData("App:Hook", "x", "App:Hook cannot be set from configuration (it is set in code).")]
    [InlineData("App:Items:0:Tags", "a,b", "App:Items:0:Tags = 'a,b' is a list, not one value: number the entries App:Items:0:Tags:0, App:Items:0:Tags:1, … (environment variables App__Items__0__Tags__0, App__Items__0__Tags__1, …).")]
    public void A_value_that_does_not_fit_names_its_key_its_value_and_the_form_expected(string key, string value, string problem) =>
        Assert.Equal([problem], Check(new() { [key] = value }));

    [Fact]
    public void A_list_given_both_as_one_value_and_as_entries_names_the_value_the_binder_would_ignore() =>
        Assert.Equal(
            ["App:Items:0:Tags = 'a,b' is ignored: App:Items:0:Tags is a list and takes its entries (App:Items:0:Tags:0, …); remove the value."],
            Check(new() { ["App:Items:0:Tags"] = "a,b", ["App:Items:0:Tags:0"] = "a" }));

    [Fact]
    public void A_section_shared_by_two_types_and_a_child_bound_to_a_third_accepts_the_keys_of_each()
    {
        var shape = new ConfigurationShape(typeof(Inner), typeof(Item)).WithSection("More", new ConfigurationShape(typeof(Item)));
        var problems = new List<string>();

        ConfigurationKeyCheck.Check(Section(new() { ["App:Wait"] = "00:00:01", ["App:Name"] = "n", ["App:More:Name"] = "m", ["App:More:Wait"] = "1" }), shape, problems);

        Assert.Equal(["App:More:Wait is not a setting; App:More takes: Name, Tags."], problems);
    }

    [Fact]
    public void AddPaxGoogleCloud_refuses_a_misspelled_GoogleCloud_key_when_its_options_are_first_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GoogleCloud:Retry:MaxRetryAttemps"] = "3" }).Build();
        using var provider = new ServiceCollection().AddPaxGoogleCloud(configuration.GetSection(GoogleCloudOptions.SectionName)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value);

        Assert.Equal(["GoogleCloud:Retry:MaxRetryAttemps is not a setting — did you mean 'MaxRetryAttempts'?"], error.Failures);
    }

    [Theory]
    [InlineData("App:OldName", "x", "App:OldName was renamed: set App:Name instead (environment variable App__Name).")]
    [InlineData("App:Old:Items:0", "x", "App:Old:Items was renamed: set App:Items instead (environment variable App__Items).")]
    [InlineData("App:Inner", "00:00:01", "App:Inner was renamed: set App:Inner:Wait instead (environment variable App__Inner__Wait).")]
    public void A_renamed_key_still_set_is_one_line_naming_the_key_that_replaced_it(string key, string value, string problem)
    {
        var shape = new ConfigurationShape(typeof(Options)).WithRenamed("OldName", "Name").WithRenamed("Old:Items", "Items").WithRenamed("Inner", "Inner:Wait");
        var problems = new List<string>();

        ConfigurationKeyCheck.Check(Section(new() { [key] = value }), shape, problems);

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void A_value_that_became_a_section_is_not_reported_once_the_section_is_used()
    {
        var shape = new ConfigurationShape(typeof(Options)).WithRenamed("Inner", "Inner:Wait");
        var problems = new List<string>();

        ConfigurationKeyCheck.Check(Section(new() { ["App:Inner:Wait"] = "00:00:01" }), shape, problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void BindCheckedConfiguration_refuses_a_renamed_key_when_the_options_are_first_read_and_binds_the_rest()
    {
        var renamed = new Dictionary<string, string> { ["OldName"] = "Name" };
        using var provider = Provider(new() { ["App:OldName"] = "x", ["App:Count"] = "3" }, renamed);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Options>>().Value);

        Assert.Equal(["App:OldName was renamed: set App:Name instead (environment variable App__Name)."], error.Failures);
        using var fixedProvider = Provider(new() { ["App:Name"] = "x", ["App:Count"] = "3" }, renamed);
        Assert.Equal(3, fixedProvider.GetRequiredService<IOptions<Options>>().Value.Count);

        static ServiceProvider Provider(Dictionary<string, string?> values, Dictionary<string, string> renamed)
        {
            var services = new ServiceCollection();
            services.AddOptions<Options>().BindCheckedConfiguration(Section(values), renamed);
            return services.BuildServiceProvider();
        }
    }

    [Fact]
    public void BindCheckedConfiguration_checks_named_options_under_their_own_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:Cuont"] = "3" }).Build();
        var services = new ServiceCollection();
        services.AddOptions<Options>("second").BindCheckedConfiguration(configuration.GetSection("App"));
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<Options>>();

        Assert.Equal(0, monitor.Get(Microsoft.Extensions.Options.Options.DefaultName).Count);
        var error = Assert.Throws<OptionsValidationException>(() => monitor.Get("second"));
        Assert.Equal(["App:Cuont is not a setting — did you mean 'Count'?"], error.Failures);
    }

    [Fact]
    public void AddPaxGoogleCloud_leaves_the_applications_own_GoogleCloud_keys_alone_with_a_warning()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GoogleCloud:Projectid"] = "my-project",
            ["GoogleCloud:Diagnostics:ServiceName"] = "shop",
            ["GoogleCloud:PubSubEmulatorHost"] = "localhost:8085",
        }).Build();
        var logs = new FakeLogCollector();
        using var provider = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)))
            .AddPaxGoogleCloud(configuration.GetSection(GoogleCloudOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;

        Assert.Equal("localhost:8085", options.PubSubEmulatorHost);
        Assert.Equal(
            [
                "GoogleCloud:Diagnostics is not a Pax setting, so Pax leaves it to the application; if it was meant for Pax, GoogleCloud takes: StorageEndpoint, StorageEmulatorHost, FirestoreEndpoint, FirestoreEmulatorHost, PubSubEndpoint, PubSubEmulatorHost, CloudRunEndpoint, CloudSchedulerEndpoint, CloudResourceManagerEndpoint, EventarcEndpoint, CloudFunctionsEndpoint, Retry.",
                "GoogleCloud:Projectid is not a Pax setting, so Pax leaves it to the application; if it was meant for Pax, GoogleCloud takes: StorageEndpoint, StorageEmulatorHost, FirestoreEndpoint, FirestoreEmulatorHost, PubSubEndpoint, PubSubEmulatorHost, CloudRunEndpoint, CloudSchedulerEndpoint, CloudResourceManagerEndpoint, EventarcEndpoint, CloudFunctionsEndpoint, Retry.",
            ],
            logs.GetSnapshot().Where(r => r.Category == "Pax.Configuration" && r.Level == LogLevel.Warning).Select(r => r.Message));
    }

    [Fact]
    public void AddPaxGoogleCloud_still_refuses_a_near_miss_of_a_Pax_key_at_the_top_of_GoogleCloud()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GoogleCloud:PubSubEmulatorHots"] = "localhost:8085" }).Build();
        using var provider = new ServiceCollection().AddPaxGoogleCloud(configuration.GetSection(GoogleCloudOptions.SectionName)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value);

        Assert.Equal(["GoogleCloud:PubSubEmulatorHots is not a setting — did you mean 'PubSubEmulatorHost'?"], error.Failures);
    }

    private static List<string> Check(Dictionary<string, string?> values)
    {
        var problems = new List<string>();
        ConfigurationKeyCheck.Check(Section(values), new ConfigurationShape(typeof(Options)), problems);
        return problems;
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("App");

    public enum Mode
    {
        Fast,
        Careful,
    }

    public interface IHook;

    public sealed class Options
    {
        public string? Name { get; set; }

        public TimeSpan Wait { get; set; }

        public TimeSpan? Optional { get; set; }

        public int Count { get; set; }

        public Mode Mode { get; set; }

        public Uri? Endpoint { get; set; }

        public List<Item> Items { get; set; } = [];

        public Dictionary<string, Item> ByName { get; set; } = [];

        public Inner Inner { get; } = new();

        public IHook? Hook { get; set; }

        public int Computed => Count * 2;
    }

    public sealed class Item
    {
        public string Name { get; set; } = string.Empty;

        public string[] Tags { get; set; } = [];
    }

    public sealed class Inner
    {
        public TimeSpan Wait { get; set; }
    }
}
