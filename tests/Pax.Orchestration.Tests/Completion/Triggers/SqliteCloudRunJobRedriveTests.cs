using Microsoft.Extensions.DependencyInjection;

namespace Pax.Orchestration.Tests.Completion.Triggers;

/// <summary>The job trigger's re-drive contract on the SQLite store.</summary>
public sealed class SqliteCloudRunJobRedriveTests : CloudRunJobRedriveContract
{
    protected override Task UseStoreAsync(IServiceCollection services) => Task.CompletedTask;
}
