using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling.Search;

/// <summary>The dashboard's job search on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreJobSearchTests(EmulatorsFixture emulators) : JobSearchContract
{
    protected override async Task<SchedulerHarness> CreateAsync() => SchedulerHarness.Firestore(await emulators.FirestoreAsync());
}
