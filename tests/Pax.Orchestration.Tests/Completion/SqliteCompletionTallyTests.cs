using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

public sealed class SqliteCompletionTallyTests : CompletionTallyContract
{
    protected override Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) => Task.FromResult(TallyHarness.Sqlite(phases));
}
