using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Search;

public sealed class SqliteTallySearchTests : TallySearchContract
{
    protected override Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) => Task.FromResult(TallyHarness.Sqlite(phases));
}
