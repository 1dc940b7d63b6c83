using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The scheduler contract on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreJobSchedulerTests(EmulatorsFixture emulators) : JobSchedulerContract
{
    protected override async Task<SchedulerHarness> CreateAsync(Action<SchedulingOptions>? configure = null) =>
        SchedulerHarness.Firestore(await emulators.FirestoreAsync(), configure);
}
