using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Stores;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>A jobs file written before <c>lease_holder</c> existed keeps its jobs and gains the column.</summary>
public sealed class SqliteJobSchemaUpgradeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-job-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_existing_file_gains_lease_holder_and_its_jobs_read_and_claim_as_before()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "jobs.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE scheduler_jobs (id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, schedule_at INTEGER NOT NULL,
                  status TEXT NOT NULL, lease_until INTEGER NULL, attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL, last_error TEXT NULL,
                  cron TEXT NULL, time_zone TEXT NULL, misfire TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                  occurrence_at INTEGER NULL, version INTEGER NOT NULL);
                INSERT INTO scheduler_jobs VALUES ('old', 'http', '{}', 1000, 'pending', NULL, 0, 5, NULL, NULL, NULL, 'run_once', 1000, 1000, NULL, 3);
                """;
            command.ExecuteNonQuery();
        }

        var store = new SqliteScheduledJobStore(Options.Create(new SchedulingOptions { Sqlite = { Path = path } }));
        var ct = TestContext.Current.CancellationToken;
        var old = await store.GetAsync("old", ct);
        var claimed = await store.TryReplaceAsync(old! with { Status = ScheduledJobStatus.Running, LeaseHolder = "host/1" }, ct);

        Assert.Equal(("3", null), (old.Version, old.LeaseHolder));
        Assert.Equal("host/1", (await store.GetAsync("old", ct))!.LeaseHolder);
        Assert.NotNull(claimed);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
