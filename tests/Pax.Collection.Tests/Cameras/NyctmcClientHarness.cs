using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Collection.Cameras;
using Pax.Collection.Internal.Registration;

namespace Pax.Collection.Tests.Cameras;

/// <summary>A <see cref="NyctmcCameraClient"/> registered the way the package registers it, pointed at a test server.</summary>
internal sealed class NyctmcClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private NyctmcClientHarness(ServiceProvider provider)
    {
        _provider = provider;
        Logs = provider.GetFakeLogCollector();
    }

    public NyctmcCameraClient Client => _provider.GetRequiredService<NyctmcCameraClient>();

    public FakeLogCollector Logs { get; }

    /// <summary>Creates a client with fast retries (no backoff delay) unless <paramref name="configure"/> says otherwise.</summary>
    public static NyctmcClientHarness Create(Uri baseAddress, Action<NyctmcOptions>? configure = null, TimeProvider? timeProvider = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddNyctmcCameraClient();
        services.Configure<NyctmcOptions>(options =>
        {
            options.BaseAddress = baseAddress;
            options.RetryBaseDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        return new NyctmcClientHarness(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
