using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Storage;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests;

/// <summary>A fake GCS server with one bucket, and a <see cref="StorageObjectsClient"/> wired to it through <c>AddPaxGoogleCloud</c> with retries that do not wait.</summary>
internal sealed class StorageTestContext : IAsyncDisposable
{
    public const string Bucket = "pax-test-bucket";

    private StorageTestContext(FakeGcsServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
        Client = services.GetRequiredService<StorageObjectsClient>();
    }

    public FakeGcsServer Server { get; }

    public ServiceProvider Services { get; }

    public StorageObjectsClient Client { get; }

    public static async Task<StorageTestContext> StartAsync(
        Action<GoogleCloudOptions>? configure = null,
        FakeGcsServerOptions? serverOptions = null,
        Action<IServiceCollection>? services = null)
    {
        var server = await FakeGcsServer.StartAsync(serverOptions, TestContext.Current.CancellationToken);
        server.CreateBucket(Bucket);
        var collection = new ServiceCollection();
        collection.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(server.AccessToken ?? "unused-token"));
        services?.Invoke(collection);
        collection.AddPaxGoogleCloud(options =>
        {
            options.StorageEndpoint = server.BaseAddress;
            UseInstantRetries(options);
            configure?.Invoke(options);
        });
        return new StorageTestContext(server, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public static void UseInstantRetries(GoogleCloudOptions options)
    {
        options.Retry.InitialDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.MaxRetryAttempts = 3;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
