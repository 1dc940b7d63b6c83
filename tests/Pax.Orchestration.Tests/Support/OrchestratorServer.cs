using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Support;

/// <summary>The library's endpoints (<c>MapPaxOrchestration</c>) on Kestrel at 127.0.0.1:0, with a SQLite store in a temporary directory and a recording trigger.</summary>
public sealed class OrchestratorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private OrchestratorServer(WebApplication app, string directory, RecordingTrigger trigger, FakeTimeProvider time)
    {
        _app = app;
        _directory = directory;
        Trigger = trigger;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public RecordingTrigger Trigger { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<OrchestratorServer> StartAsync(Action<OrchestrationOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-orch-" + Guid.NewGuid().ToString("N"));
        var trigger = new RecordingTrigger();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.Services.AddPaxOrchestration(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(directory, "tallies.db");
            o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a", "b"], CustomTrigger = trigger });
            o.Push.Authentication = Pax.Orchestration.Hosting.PushAuthenticationMode.None;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapPaxOrchestration();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new OrchestratorServer(app, directory, trigger, time);
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
