using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Http.Internal;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>
/// A loopback Google API (the Cloud Storage stand-in, whose faults are easy to inject) and an <see cref="HttpClient"/>
/// behind the handlers <c>AddPaxGoogleCloud</c> gives every Pax client, to test those handlers on their own.
/// </summary>
internal sealed class GoogleApiProbeContext : IAsyncDisposable
{
    public const string Bucket = "pax-test-bucket";
    private const string ClientName = "google-api-probe";

    private GoogleApiProbeContext(FakeGcsServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public FakeGcsServer Server { get; }

    public ServiceProvider Services { get; }

    public static async Task<GoogleApiProbeContext> StartAsync(
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
            UseInstantRetries(options);
            configure?.Invoke(options);
        });
        collection.AddHttpClient(ClientName, client => client.BaseAddress = server.BaseAddress).AddGoogleApiHandlers();
        return new GoogleApiProbeContext(server, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public static void UseInstantRetries(GoogleCloudOptions options)
    {
        options.Retry.InitialDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.MaxRetryAttempts = 3;
    }

    /// <summary>Sends a GET for an object's metadata, marked retryable as Pax's clients mark idempotent reads.</summary>
    public async Task<HttpResponseMessage> GetObjectMetadataAsync(string name, CancellationToken cancellationToken)
    {
        var client = Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"storage/v1/b/{Bucket}/o/{Uri.EscapeDataString(name)}");
        request.Options.Set(GoogleRequestOptionKeys.Retryable, true);
        return await client.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
