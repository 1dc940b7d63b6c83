using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;
using Pax.Orchestration.Completion;

namespace Pax.IntegrationTests.Orchestration;

/// <summary>Pax.Orchestration's endpoints (<c>MapPaxOrchestration</c>) on Kestrel at 127.0.0.1:0, with tallies in the Firestore emulator and triggers published to the Pub/Sub emulator.</summary>
internal sealed class IntakeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IntakeHost(WebApplication app, string firestoreProject)
    {
        _app = app;
        FirestoreProject = firestoreProject;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string FirestoreProject { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<IntakeHost> StartAsync(GcloudEmulator firestore, GcloudEmulator pubSub, Action<OrchestrationOptions> configure, CancellationToken cancellationToken)
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..12];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = firestore.HostPort;
            o.PubSubEmulatorHost = pubSub.HostPort;
        });
        builder.Services.AddPaxOrchestration(o =>
        {
            o.Store = OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = project;
            o.Authentication.Mode = InboundAuthenticationMode.None;
            configure(o);
        });
        var app = builder.Build();
        app.MapPaxOrchestration();
        await app.StartAsync(cancellationToken);
        return new IntakeHost(app, project);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
