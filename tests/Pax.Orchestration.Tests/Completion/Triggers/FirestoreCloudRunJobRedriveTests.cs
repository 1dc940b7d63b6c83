using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Tests.Completion.Triggers;

/// <summary>The job trigger's re-drive contract on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreCloudRunJobRedriveTests(EmulatorsFixture emulators) : CloudRunJobRedriveContract
{
    protected override async Task UseStoreAsync(IServiceCollection services)
    {
        var emulator = await emulators.FirestoreAsync();
        services.Configure<GoogleCloud.GoogleCloudOptions>(o => o.FirestoreEmulatorHost = emulator.HostPort);
        services.Configure<OrchestrationOptions>(o =>
        {
            o.Store = OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = "p" + Guid.NewGuid().ToString("N")[..12];
        });
    }
}
