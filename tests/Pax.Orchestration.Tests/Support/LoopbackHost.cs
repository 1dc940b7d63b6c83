using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A library's endpoints on Kestrel at 127.0.0.1:0 with a fake clock and a temporary directory for SQLite files, removed at the end.</summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, string directory, FakeTimeProvider time)
    {
        _app = app;
        Directory = directory;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public string Directory { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host: <paramref name="services"/> registers the library (given the temporary directory), <paramref name="map"/> maps its endpoints.</summary>
    public static async Task<LoopbackHost> StartAsync(DateTimeOffset now, Action<IServiceCollection, string> services, Action<WebApplication> map)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-host-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(now);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        services(builder.Services, directory);
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new LoopbackHost(app, directory, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
