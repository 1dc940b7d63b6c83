using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>A jobs file written before <c>lease_holder</c> and <c>shard</c> existed keeps its jobs and gains the columns.</summary>
public sealed class SqliteJobSchemaUpgradeTests : IDisposable
{
    // The table as the first release made it, with one pending job due long ago.
    private const string FirstRelease = """
        CREATE TABLE scheduler_jobs (id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, schedule_at INTEGER NOT NULL,
          status TEXT NOT NULL, lease_until INTEGER NULL, attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL, last_error TEXT NULL,
          cron TEXT NULL, time_zone TEXT NULL, misfire TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
          occurrence_at INTEGER NULL, version INTEGER NOT NULL);
        INSERT INTO scheduler_jobs VALUES ('old', '{TYPE}', '{}', 1000, 'pending', NULL, 0, 5, NULL, NULL, NULL, 'run_once', 1000, 1000, NULL, 3);
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-job-upgrade-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_existing_file_gains_lease_holder_and_its_jobs_read_and_claim_as_before()
    {
        var path = OlderFile("http");
        var store = new SqliteScheduledJobStore(Options.Create(new SchedulingOptions { Sqlite = { Path = path } }));
        var old = await store.GetAsync("old", Ct);
        var claimed = await store.TryReplaceAsync(old! with { Status = ScheduledJobStatus.Running, LeaseHolder = "host/1" }, Ct);

        Assert.Equal(("3", null), (old.Version, old.LeaseHolder));
        Assert.Equal("host/1", (await store.GetAsync("old", Ct))!.LeaseHolder);
        Assert.NotNull(claimed);
    }

    [Fact]
    public async Task A_due_job_of_an_existing_file_is_run_once_by_a_tick_and_gets_its_shard()
    {
        var path = OlderFile(ScriptedJobHandler.Type);
        await using var h = SchedulerHarness.Sqlite(o => o.Sqlite.Path = path);

        var result = await h.Scheduler.RunTickAsync(Ct);

        Assert.Equal((1, 1), (result.JobsClaimed, result.JobsSucceeded));
        Assert.Equal(1, h.Handler.RunsOf("old"));
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT shard FROM scheduler_jobs WHERE id = 'old'";
        Assert.Equal((long)JobShards.Of("old"), command.ExecuteScalar());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string OlderFile(string jobType)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "jobs.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = FirstRelease.Replace("{TYPE}", jobType, StringComparison.Ordinal);
        command.ExecuteNonQuery();
        return path;
    }
}
