using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>The dashboard's reads on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreCompletionStoreQueriesTests(EmulatorsFixture emulators) : CompletionStoreQueriesContract
{
    protected override async Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) =>
        TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);
}
