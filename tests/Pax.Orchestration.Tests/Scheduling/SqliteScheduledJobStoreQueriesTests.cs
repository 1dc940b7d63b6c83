using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class SqliteScheduledJobStoreQueriesTests : ScheduledJobStoreQueriesContract
{
    protected override Task<SchedulerHarness> CreateAsync() => Task.FromResult(SchedulerHarness.Sqlite());
}
