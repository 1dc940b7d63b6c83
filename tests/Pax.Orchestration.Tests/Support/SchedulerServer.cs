using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Support;

/// <summary>The scheduler's endpoints (<c>MapPaxScheduling</c>) on Kestrel at 127.0.0.1:0, with a SQLite store in a temporary directory and a <see cref="ScriptedJobHandler"/>.</summary>
public sealed class SchedulerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private SchedulerServer(WebApplication app, string directory, FakeTimeProvider time, ScriptedJobHandler handler)
    {
        _app = app;
        _directory = directory;
        Time = time;
        Handler = handler;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public ScriptedJobHandler Handler { get; }

    public static async Task<SchedulerServer> StartAsync(Action<SchedulingOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-sched-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(SchedulerHarness.Start);
        var handler = new ScriptedJobHandler();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.Services.AddPaxScheduling(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
            o.Authentication = Pax.Orchestration.Hosting.PushAuthenticationMode.None;
            configure?.Invoke(o);
        });
        builder.Services.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, handler);
        builder.Services.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
        var app = builder.Build();
        app.MapPaxScheduling();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SchedulerServer(app, directory, time, handler);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
