using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary>The pulse contract on SQLite.</summary>
public sealed class SqlitePulseTests : PulseContract
{
    protected override Task<TallyHarness> CreateTallyAsync(params PhaseDefinition[] phases) => Task.FromResult(TallyHarness.Sqlite(phases));

    protected override Task<PulseSchedulerHost> CreateSchedulerAsync() => Task.FromResult(PulseSchedulerHost.Sqlite());
}

/// <summary>The pulse contract on the Firestore emulator (sharded day documents, increments).</summary>
public sealed class FirestorePulseTests(EmulatorsFixture emulators) : PulseContract
{
    protected override async Task<TallyHarness> CreateTallyAsync(params PhaseDefinition[] phases) => TallyHarness.Firestore(await emulators.FirestoreAsync(), phases);

    protected override async Task<PulseSchedulerHost> CreateSchedulerAsync() => PulseSchedulerHost.Firestore((await emulators.FirestoreAsync()).HostPort);
}
