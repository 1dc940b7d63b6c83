using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling.Search;

public sealed class SqliteJobSearchTests : JobSearchContract
{
    protected override Task<SchedulerHarness> CreateAsync() => Task.FromResult(SchedulerHarness.Sqlite());
}
