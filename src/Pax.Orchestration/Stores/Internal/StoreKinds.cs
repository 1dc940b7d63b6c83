using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>The store choice shared by tallies and the scheduler: as configured, else Firestore when <c>FIRESTORE_EMULATOR_HOST</c> is set, else SQLite.</summary>
internal static class StoreKinds
{
    public static OrchestrationStoreKind Resolve(OrchestrationStoreKind? configured, IServiceProvider services)
    {
        if (configured is { } kind)
        {
            return kind;
        }

        var emulator = services.GetRequiredService<IOptions<GoogleCloudOptions>>().Value.FirestoreEmulatorHost;
        return string.IsNullOrWhiteSpace(emulator) ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
    }
}
