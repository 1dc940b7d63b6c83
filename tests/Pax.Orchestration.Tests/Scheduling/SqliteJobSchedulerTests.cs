using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class SqliteJobSchedulerTests : JobSchedulerContract
{
    protected override Task<SchedulerHarness> CreateAsync(Action<SchedulingOptions>? configure = null) => Task.FromResult(SchedulerHarness.Sqlite(configure));
}
