using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Stores;

public sealed class SqliteCompletionStoreQueriesTests : CompletionStoreQueriesContract
{
    protected override Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases) => Task.FromResult(TallyHarness.Sqlite(phases));
}
