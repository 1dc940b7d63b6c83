using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Watchdog;

/// <summary>The expected-run-key contract on the Firestore store, against the Firestore emulator.</summary>
public sealed class FirestoreExpectedRunWatchdogTests(EmulatorsFixture emulators) : ExpectedRunWatchdogContract
{
    protected override async Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) =>
        TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);
}
