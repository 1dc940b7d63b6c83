using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;

namespace Pax.Collection.Tests.DependencyInjection;

public sealed class AddPaxCollectionTests
{
    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Defaults_give_a_runner_over_the_file_system_sink_and_the_nyctmc_client()
    {
        using var provider = Build(s => s.AddPaxCollection());

        Assert.NotNull(provider.GetRequiredService<CollectionRunner>());
        Assert.IsType<FileSystemSink>(provider.GetRequiredService<ISnapshotSink>());
        Assert.IsType<NyctmcCameraClient>(provider.GetRequiredService<ICameraSource>());
        Assert.Equal(16, provider.GetRequiredService<IOptions<CollectionOptions>>().Value.Concurrency);
    }

    [Fact]
    public void A_gs_sink_selects_the_cloud_storage_sink()
    {
        using var provider = Build(s => s.AddPaxCollection(o => o.Sink = "gs://pax-bucket/nyc"));

        var sink = Assert.IsType<GcsSnapshotSink>(provider.GetRequiredService<ISnapshotSink>());
        Assert.Equal("gs://pax-bucket", sink.Location);
    }

    [Fact]
    public void Options_bind_from_the_configuration_section_including_the_camera_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pax:Collection:Sink"] = "gs://pax-bucket/x",
            ["Pax:Collection:Concurrency"] = "32",
            ["Pax:Collection:MinStoredRatio"] = "0.75",
            ["Pax:Collection:Validation:MinBytes"] = "2048",
            ["Pax:Collection:Cameras:BaseAddress"] = "http://127.0.0.1:5080/",
        }).Build();

        using var provider = Build(s => s.AddPaxCollection(configuration.GetSection("Pax:Collection")));

        var options = provider.GetRequiredService<IOptions<CollectionOptions>>().Value;
        Assert.Equal(("gs://pax-bucket/x", 32, 0.75, 2048), (options.Sink, options.Concurrency, options.MinStoredRatio, options.Validation.MinBytes));
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), provider.GetRequiredService<IOptions<NyctmcOptions>>().Value.BaseAddress);
    }

    [Theory]
    [InlineData("Concurrency", "Pax:Collection:Concurrency")]
    [InlineData("MinStoredRatio", "Pax:Collection:MinStoredRatio")]
    [InlineData("Sink", "Pax:Collection:Sink")]
    [InlineData("SlotInterval", "Pax:Collection:SlotInterval")]
    [InlineData("MinBytes", "Pax:Collection:Validation:MinBytes")]
    public void Invalid_options_fail_with_the_configuration_key_named(string setting, string key)
    {
        using var provider = Build(s => s.AddPaxCollection(o =>
        {
            switch (setting)
            {
                case "Concurrency": o.Concurrency = 0; break;
                case "MinStoredRatio": o.MinStoredRatio = 1.5; break;
                case "Sink": o.Sink = "gs://Bad Bucket"; break;
                case "SlotInterval": o.SlotInterval = TimeSpan.FromMinutes(7); break;
                default: o.Validation.MinBytes = 10_000_000; break;
            }
        }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollectionOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_twice_is_harmless()
    {
        using var provider = Build(s => s.AddPaxCollection().AddPaxCollection(o => o.Concurrency = 8));

        Assert.Equal(8, provider.GetRequiredService<IOptions<CollectionOptions>>().Value.Concurrency);
        Assert.Single(provider.GetServices<CollectionRunner>());
    }
}
