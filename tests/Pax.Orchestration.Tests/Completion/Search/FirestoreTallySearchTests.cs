using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Search;

/// <summary>The dashboard's search on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreTallySearchTests(EmulatorsFixture emulators) : TallySearchContract
{
    protected override async Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) =>
        TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);
}
