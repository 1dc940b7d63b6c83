using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Pax.Collection.Tests.Sinks;
using Pax.TestSupport.Gcs;

namespace Pax.Collection.Tests.DependencyInjection;

public sealed class AddPaxCollectionTests
{
    private static readonly SnapshotKey Key = new(CameraId.Create("cam-1"), new DateTimeOffset(2025, 1, 2, 3, 30, 0, TimeSpan.Zero));
    private static readonly SnapshotMetadata Metadata = new("Cam 1", new DateTimeOffset(2025, 1, 2, 3, 31, 0, TimeSpan.Zero), "image/jpeg", "ab12");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
        Assert.Same(provider.GetRequiredService<ISnapshotSink>(), provider.GetRequiredService<ISnapshotSink>());
        Assert.IsType<NyctmcCameraClient>(provider.GetRequiredService<ICameraSource>());
        Assert.Equal(16, provider.GetRequiredService<IOptions<CollectionOptions>>().Value.Concurrency);
    }

    [Fact]
    public async Task A_gs_sink_uses_the_storage_client_the_application_registered()
    {
        await using var server = await FakeGcsServer.StartAsync(cancellationToken: Ct);
        server.CreateBucket("pax-bucket");
        using var client = GcsTestClients.For(server);
        using var provider = Build(s => s.AddSingleton(client).AddPaxCollection(o => o.Sink = "gs://pax-bucket/nyc"));

        var sink = Assert.IsType<GcsSnapshotSink>(provider.GetRequiredService<ISnapshotSink>());
        await sink.WriteAsync(Key, new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, Metadata, Ct);

        Assert.Equal("gs://pax-bucket/nyc", sink.Location);
        Assert.Equal(("pax-bucket", "nyc"), (sink.Bucket, sink.Prefix));
        Assert.Same(client, provider.GetRequiredService<StorageClient>());
        Assert.NotNull(server.GetObject("pax-bucket", "nyc/2025-01-02/0330/cam-1.jpg"));
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {FakeGcsServerOptions.DefaultAccessToken}", r.Authorization));
    }

    [Fact]
    public async Task A_storage_client_registered_after_AddPaxCollection_wins_too()
    {
        await using var server = await FakeGcsServer.StartAsync(cancellationToken: Ct);
        using var client = GcsTestClients.For(server);
        using var provider = Build(s => s.AddPaxCollection(o => o.Sink = "gs://pax-bucket/nyc").AddSingleton(client));

        Assert.Same(client, provider.GetRequiredService<StorageClient>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Without_a_registered_client_STORAGE_EMULATOR_HOST_is_a_host_reached_without_credentials(bool withScheme)
    {
        await using var server = await FakeGcsServer.StartAsync(new FakeGcsServerOptions { AccessToken = null }, Ct);
        server.CreateBucket("pax-bucket");
        var host = withScheme ? server.BaseAddress.ToString() : server.BaseAddress.Authority;
        using var provider = Build(s => s
            .AddPaxCollection(o => o.Sink = "gs://pax-bucket/nyc")
            .AddPaxGoogleCloud(o => o.StorageEmulatorHost = host));

        var sink = provider.GetRequiredService<ISnapshotSink>();
        Assert.Equal(SnapshotWriteResult.Created, await sink.WriteAsync(Key, new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, Metadata, Ct));
        Assert.Equal([Key.ObjectName], await sink.ListSnapshotsAsync(Key.SlotPath, Ct));
        await sink.WriteArtifactAsync(Key.SlotPath, "report.json", "{}"u8.ToArray(), "application/json", Ct);
        Assert.Equal("{}"u8.ToArray(), await sink.ReadArtifactAsync(Key.SlotPath, "report.json", Ct));

        Assert.All(server.Requests, r => Assert.Null(r.Authorization));
        Assert.Contains(server.Requests, r => r.IsList && r.RawPath == "/storage/v1/b/pax-bucket/o");
        Assert.Contains(server.Requests, r => r.IsUpload && r.RawPath == "/upload/storage/v1/b/pax-bucket/o");
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
