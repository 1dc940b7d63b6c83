using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Watchdog;

/// <summary>The expected-run-key contract on the SQLite store.</summary>
public sealed class SqliteExpectedRunWatchdogTests : ExpectedRunWatchdogContract
{
    protected override Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) => Task.FromResult(TallyHarness.Sqlite(phases));
}
