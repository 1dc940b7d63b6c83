using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Support;

/// <summary>The library's endpoints (<c>MapPaxOrchestration</c>) on a <see cref="LoopbackHost"/>, with a SQLite store and a recording trigger.</summary>
public sealed class OrchestratorServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private OrchestratorServer(LoopbackHost host, RecordingTrigger trigger)
    {
        _host = host;
        Trigger = trigger;
    }

    public HttpClient Client => _host.Client;

    public RecordingTrigger Trigger { get; }

    public FakeTimeProvider Time => _host.Time;

    public IServiceProvider Services => _host.Services;

    public static async Task<OrchestratorServer> StartAsync(Action<OrchestrationOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var trigger = new RecordingTrigger();
        var host = await LoopbackHost.StartAsync(
            new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero),
            (s, directory) =>
            {
                services?.Invoke(s);
                void Configure(OrchestrationOptions o)
                {
                    o.Store = OrchestrationStoreKind.Sqlite;
                    o.Sqlite.Path = Path.Combine(directory, "tallies.db");
                    o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a", "b"], CustomTrigger = trigger });
                    o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
                    configure?.Invoke(o);
                }

                var probe = new OrchestrationOptions();
                Configure(probe);
                s.AddSingleton(CloudRunStandIn.For(probe.Authentication.Mode));
                s.AddPaxOrchestration(Configure);
            },
            app => app.MapPaxOrchestration());
        return new OrchestratorServer(host, trigger);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
