using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The engine contract on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreCompletionTallyTests(EmulatorsFixture emulators) : CompletionTallyContract
{
    protected override async Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) =>
        TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);
}
