using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The dashboard's job reads and delete on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreScheduledJobStoreQueriesTests(EmulatorsFixture emulators) : ScheduledJobStoreQueriesContract
{
    protected override async Task<SchedulerHarness> CreateAsync() => SchedulerHarness.Firestore(await emulators.FirestoreAsync());
}
