using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Support;

/// <summary>The scheduler's endpoints (<c>MapPaxScheduling</c>) on a <see cref="LoopbackHost"/>, with a SQLite store and a <see cref="ScriptedJobHandler"/>.</summary>
public sealed class SchedulerServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private SchedulerServer(LoopbackHost host, ScriptedJobHandler handler)
    {
        _host = host;
        Handler = handler;
    }

    public HttpClient Client => _host.Client;

    public FakeTimeProvider Time => _host.Time;

    public ScriptedJobHandler Handler { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<SchedulerServer> StartAsync(Action<SchedulingOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var handler = new ScriptedJobHandler();
        var host = await LoopbackHost.StartAsync(
            SchedulerHarness.Start,
            (s, directory) =>
            {
                services?.Invoke(s);
                var probe = new SchedulingOptions { Authentication = { Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None } };
                configure?.Invoke(probe);
                s.AddSingleton(CloudRunStandIn.For(probe.Authentication.Mode));
                s.AddPaxScheduling(o =>
                {
                    o.Store = OrchestrationStoreKind.Sqlite;
                    o.Sqlite.Path = Path.Combine(directory, "jobs.db");
                    o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
                    configure?.Invoke(o);
                });
                s.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, handler);
                s.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
            },
            app => app.MapPaxScheduling());
        return new SchedulerServer(host, handler);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
